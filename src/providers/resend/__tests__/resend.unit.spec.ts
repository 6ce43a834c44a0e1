import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { sampleVariables } from "../../../modules/email-template/templates/catalog"
import { ResendNotificationProviderService } from "../service"

type Captured = { method?: string; url?: string; headers: IncomingMessage["headers"]; body: any }

/** A local stand-in for api.resend.com: records each request and answers like Resend. */
function fakeResend(answer: (req: Captured) => { status: number; body: unknown }) {
  const requests: Captured[] = []
  const server: Server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const captured = { method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : null }
      requests.push(captured)
      const { status, body } = answer(captured)
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    })
  })
  return {
    requests,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const logger = { error: jest.fn(), debug: jest.fn() } as any
const portal = "https://shop.test/account"
const notification = {
  id: "noti_01",
  idempotency_key: "portico:payment_confirmation:inv_123",
  to: "ada@example.com",
  channel: "email",
  template: "payment_confirmation",
  data: {
    variables: { ...sampleVariables("payment_confirmation"), portal_url: portal, order_number: "1042", invoice_number: "INV-000042" },
    items: [{ title: "Logo design", quantity: 1, total: "$400.00" }],
  },
}

describe("Resend provider (HTTP boundary)", () => {
  const server = fakeResend(() => ({ status: 200, body: { id: "re_email_1" } }))
  let baseUrl: string
  beforeAll(async () => {
    baseUrl = await server.start()
  })
  afterAll(() => server.stop())
  beforeEach(() => {
    server.requests.length = 0
  })

  it("posts the rendered email to /emails with the idempotency key and returns Resend's id", async () => {
    const provider = new ResendNotificationProviderService(
      { logger },
      { api_key: "re_test_key", from: "Portico <orders@portico.test>", base_url: baseUrl }
    )
    const result = await provider.send(notification as any)

    expect(result).toEqual({ id: "re_email_1" })
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request.method).toBe("POST")
    expect(request.url).toBe("/emails")
    expect(request.headers.authorization).toBe("Bearer re_test_key")
    expect(request.headers["content-type"]).toBe("application/json")
    expect(request.headers["idempotency-key"]).toBe("portico:payment_confirmation:inv_123")
    expect(Object.keys(request.body).sort()).toEqual(["from", "html", "subject", "text", "to"])
    expect(request.body).toEqual({
      from: "Portico <orders@portico.test>",
      to: ["ada@example.com"],
      subject: "Payment received for order #1042 (INV-000042)",
      html: expect.stringContaining(`href="${portal}"`),
      text: expect.stringContaining(portal),
    })
  })

  it("sends the content it is given (Portico's own sends, with the merchant's override) as is", async () => {
    const provider = new ResendNotificationProviderService(
      { logger },
      { api_key: "re_test_key", from: "orders@portico.test", base_url: baseUrl }
    )
    await provider.send({
      ...notification,
      from: "other@portico.test",
      content: { subject: "Custom", html: `<p>Portal: ${portal}</p>`, text: "Portal" },
    } as any)
    expect(server.requests[0].body).toEqual({
      from: "other@portico.test",
      to: ["ada@example.com"],
      subject: "Custom",
      html: `<p>Portal: ${portal}</p>`,
      text: "Portal",
    })
  })

  it("honours RESEND_BASE_URL when no base_url option is given (the SDK's own setting)", async () => {
    const before = process.env.RESEND_BASE_URL
    process.env.RESEND_BASE_URL = baseUrl
    try {
      const provider = new ResendNotificationProviderService({ logger }, { api_key: "re_test_key", from: "orders@portico.test" })
      await provider.send(notification as any)
      expect(server.requests).toHaveLength(1)
    } finally {
      if (before === undefined) delete process.env.RESEND_BASE_URL
      else process.env.RESEND_BASE_URL = before
    }
  })

  it("fails the send when Resend refuses it (the notification is marked failed and can be sent again)", async () => {
    const refusing = fakeResend(() => ({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `from` field." },
    }))
    const url = await refusing.start()
    try {
      const provider = new ResendNotificationProviderService({ logger }, { api_key: "re_test_key", from: "bad", base_url: url })
      await expect(provider.send(notification as any)).rejects.toThrow("Resend: Invalid `from` field.")
    } finally {
      await refusing.stop()
    }
  })

  it("refuses options without an API key or sender", () => {
    expect(() => ResendNotificationProviderService.validateOptions({ from: "a@b.c" })).toThrow(/api_key/)
    expect(() => ResendNotificationProviderService.validateOptions({ api_key: "re_x" })).toThrow(/from/)
  })
})
