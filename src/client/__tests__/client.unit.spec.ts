import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createPorticoClient, errorCodeOf, fieldErrorsOf, isPorticoApiError, PorticoApiError } from "../index"

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string }
type Answer = { status: number; reason?: string; type?: string; body?: string }

/** A real HTTP server on a free local port: records each request, answers what the test queued. */
function backend() {
  const seen: Seen[] = []
  const answers: Answer[] = []
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body })
      const a = answers.shift() ?? { status: 200, body: "{}" }
      res.writeHead(a.status, a.reason, a.body ? { "content-type": a.type ?? "application/json" } : {})
      res.end(a.body)
    })
  })
  return {
    seen,
    answer: (a: Answer) => answers.push(a),
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe("Portico's client", () => {
  const server = backend()
  let baseUrl: string
  beforeAll(async () => {
    baseUrl = await server.start()
  })
  afterAll(() => server.stop())
  beforeEach(() => {
    server.seen.length = 0
  })

  it("keeps a refusal's code, type and field errors, which the js-sdk's FetchError drops", async () => {
    const portico = createPorticoClient({ baseUrl, publishableKey: "pk_test" })
    const body = {
      type: "invalid_data",
      code: "invalid_intake",
      message: "Some answers are not valid",
      errors: [
        { field: "answers.company", code: "too_short", message: "Too small: expected string to have >=2 characters" },
        { field: "answers.company", code: "required", message: "second message of the same field" },
        { field: "answers.logo", code: "required", message: "Current logo is required" },
      ],
    }
    server.answer({ status: 400, reason: "Bad Request", body: JSON.stringify(body) })
    const error = await portico.store.serviceOrders.submitIntake("so_1", { answers: { company: "A" } }).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(PorticoApiError)
    expect(error).toMatchObject({
      name: "PorticoApiError",
      message: "Some answers are not valid",
      status: 400,
      statusText: "Bad Request",
      code: "invalid_intake",
      type: "invalid_data",
      errors: body.errors,
      body,
    })
    expect(errorCodeOf(error)).toBe("invalid_intake")
    expect(fieldErrorsOf(error)).toEqual({
      "answers.company": "Too small: expected string to have >=2 characters",
      "answers.logo": "Current logo is required",
    })
    // What was sent: the route, the JSON body, the publishable key.
    expect(server.seen[0]).toMatchObject({ method: "POST", url: "/store/portico/service-orders/so_1/intake" })
    expect(JSON.parse(server.seen[0].body)).toEqual({ answers: { company: "A" } })
    expect(server.seen[0].headers["x-publishable-api-key"]).toBe("pk_test")
    expect(server.seen[0].headers["content-type"]).toBe("application/json")
  })

  it("keeps the code of a core route's refusal through fetch (adding to a cart → currency_mismatch)", async () => {
    const portico = createPorticoClient({ baseUrl })
    server.answer({
      status: 400,
      body: JSON.stringify({ type: "invalid_data", code: "currency_mismatch", message: '"X" is priced in EUR only, but this cart is in USD.' }),
    })
    const error = await portico
      .fetch("/store/carts/cart_1/line-items", { method: "POST", body: { variant_id: "variant_1", quantity: 1 } })
      .catch((e: unknown) => e)
    expect(isPorticoApiError(error)).toBe(true)
    expect(errorCodeOf(error)).toBe("currency_mismatch")
    expect((error as PorticoApiError).errors).toEqual([])
    expect((error as Error).message).toBe('"X" is priced in EUR only, but this cart is in USD.')
  })

  it("words a refusal without a JSON body by its status, and recognises errors from another copy of the module", async () => {
    const portico = createPorticoClient({ baseUrl })
    server.answer({ status: 502, reason: "Bad Gateway", type: "text/html", body: "<h1>Bad gateway</h1>" })
    const error = (await portico.store.folders.tree().catch((e: unknown) => e)) as PorticoApiError
    expect(error).toMatchObject({ message: "Bad Gateway", status: 502, code: undefined, errors: [], body: null })
    // A plain object shaped like it (e.g. a PorticoApiError of another bundle).
    const foreign = { name: "PorticoApiError", status: 400, errors: [], code: "handle_taken", message: "taken" }
    expect(isPorticoApiError(foreign)).toBe(true)
    expect(errorCodeOf(foreign)).toBe("handle_taken")
    expect(isPorticoApiError(new Error("x"))).toBe(false)
    expect(errorCodeOf({ statusText: "currency_mismatch" })).toBeUndefined()
  })

  it("answers the JSON of a success and encodes queries, per-call headers and the js-sdk's stored token", async () => {
    const portico = createPorticoClient({ baseUrl: `${baseUrl}/`, publishableKey: "pk_test", auth: { type: "jwt" } }, {
      sdk: { client: { getToken: async () => "stored-token" } },
    })
    server.answer({ status: 200, body: JSON.stringify({ service_orders: [], count: 0, limit: 5, offset: 10 }) })
    const page = await portico.store.serviceOrders.list({ status: ["pending", "working"], order_id: "order_1", limit: 5, offset: 10 })
    expect(page).toEqual({ service_orders: [], count: 0, limit: 5, offset: 10 })
    const url = new URL(server.seen[0].url, baseUrl)
    expect(url.pathname).toBe("/store/portico/service-orders")
    expect(url.searchParams.getAll("status")).toEqual(["pending", "working"])
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k !== "status"))).toEqual({ order_id: "order_1", limit: "5", offset: "10" })
    expect(server.seen[0].headers.authorization).toBe("Bearer stored-token")

    // A customer's token passed with the call wins over the stored one; nested queries use brackets.
    server.answer({ status: 200, body: JSON.stringify({ invoices: [], count: 0, limit: 20, offset: 0 }) })
    await portico.admin.invoices.list(
      { status: "open", created_at: { $gte: "2026-01-01" } },
      { headers: { authorization: "Bearer customer-token" } }
    )
    expect(server.seen[1].headers.authorization).toBe("Bearer customer-token")
    expect(new URL(server.seen[1].url, baseUrl).searchParams.get("created_at[$gte]")).toBe("2026-01-01")
  })

  it("sends FormData as multipart (no JSON content type), ids encoded in the path", async () => {
    const portico = createPorticoClient({ baseUrl })
    server.answer({ status: 200, body: JSON.stringify({ service_order: { id: "so/1" } }) })
    const form = new FormData()
    form.set("answers", JSON.stringify({ company: "Acme" }))
    form.set("logo", new Blob(["png"], { type: "image/png" }), "logo.png")
    const { service_order } = await portico.store.serviceOrders.submitIntake("so/1", form)
    expect(service_order.id).toBe("so/1")
    expect(server.seen[0].url).toBe("/store/portico/service-orders/so%2F1/intake")
    expect(server.seen[0].headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/)
    expect(server.seen[0].body).toContain('filename="logo.png"')
  })

  it("sends the admin session's cookies, uses a given fetch, and reads an HTML route as text", async () => {
    const calls: { url: string; init?: RequestInit }[] = []
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init })
      return new Response("<p>Hello</p>", { status: 200, headers: { "content-type": "text/html" } })
    }
    const portico = createPorticoClient({ baseUrl: "https://shop.example/backend", auth: { type: "session" } }, { fetch: fakeFetch })
    expect(await portico.admin.mailbox.html("mail_1")).toBe("<p>Hello</p>")
    expect(calls[0].url).toBe("https://shop.example/backend/admin/portico/mailbox/mail_1")
    expect(calls[0].init?.credentials).toBe("include")
    expect(new Headers(calls[0].init?.headers).get("accept")).toBe("text/html")
    expect(portico.admin.serviceOrders.fileUrl("so_1", "file 1")).toBe("https://shop.example/backend/admin/portico/service-orders/so_1/files/file%201")
  })

  it("lists the portal's invoices and downloads a PDF as bytes; a refused download keeps its code", async () => {
    const portico = createPorticoClient({ baseUrl, publishableKey: "pk_test" })
    server.answer({ status: 200, body: JSON.stringify({ invoices: [], count: 0, limit: 5, offset: 0 }) })
    await portico.store.invoices.list({ status: ["open", "paid"], limit: 5 }, { headers: { authorization: "Bearer customer-token" } })
    const listed = new URL(server.seen[0].url, baseUrl)
    expect(listed.pathname).toBe("/store/portico/invoices")
    expect(listed.searchParams.getAll("status")).toEqual(["open", "paid"])
    expect(server.seen[0].headers.authorization).toBe("Bearer customer-token")

    server.answer({ status: 200, type: "application/pdf", body: "%PDF-1.3 fake" })
    const pdf = await portico.store.invoices.pdf("INV 1")
    expect(server.seen[1].url).toBe("/store/portico/invoices/INV%201/pdf")
    expect(server.seen[1].headers.accept).toBe("application/pdf")
    expect(await pdf.text()).toBe("%PDF-1.3 fake")

    server.answer({ status: 404, body: JSON.stringify({ type: "not_found", code: "not_found", message: "Invoice INV-9 was not found." }) })
    await expect(portico.store.invoices.pdf("INV-9")).rejects.toMatchObject({ status: 404, code: "not_found" })
    expect(createPorticoClient({ baseUrl: "https://shop.example/" }).admin.invoices.pdfUrl("inv_1")).toBe(
      "https://shop.example/admin/portico/invoices/inv_1/pdf"
    )
  })
})
