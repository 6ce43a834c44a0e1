import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { dbFingerprint } from "../helpers/db"
import fc from "fast-check"
import type { DemoInfo } from "../../scripts/seed-demo"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, nameFailedRequests, registerClient, response, usAddress, variantOf } from "../helpers/store"

jest.setTimeout(600_000)

type Headers = ReturnType<typeof storeHeaders>
type Res = { status: number; data: any }

/** Every route Portico defines: path (`:param` style) and methods, read from `src/api`. */
function porticoRoutes(): { path: string; methods: string[] }[] {
  const root = path.join(__dirname, "../../src/api")
  const found: { path: string; methods: string[] }[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) {
        if (name !== "__tests__") {
          walk(full)
        }
      } else if (name === "route.ts") {
        const text = readFileSync(full, "utf8")
        const methods = [...text.matchAll(/export (?:const|async function) (GET|POST|DELETE)\b/g)].map((m) => m[1])
        const route = path
          .relative(root, dir)
          .split(path.sep)
          .map((seg) => seg.replace(/^\[(.+)\]$/, ":$1"))
          .join("/")
        found.push({ path: `/${route}`, methods })
      }
    }
  }
  walk(root)
  return found
}

/**
 * Hardening: a registered client's carts and orders are theirs on Medusa's
 * own routes too, hidden folder chains stay hidden, and thousands of
 * generated bad inputs over every Portico route answer 4xx with a stable
 * code, never 5xx, and write nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let admin: { headers: Record<string, string> }
    let ada: { headers: Headers["headers"]; customer_id: string }
    let bob: { headers: Headers["headers"]; customer_id: string }
    let adaCart: string
    let adaOrder: string
    let guestOrder: string

    const as = (who: { headers: Headers["headers"] }) => ({ headers: who.headers })

    beforeAll(async () => {
      nameFailedRequests(api)
      demo = await seedDemo(getContainer())
      admin = await adminHeaders(api, demo)
      const a = await registerClient(api, demo, "ada.hard@example.com")
      const b = await registerClient(api, demo, "bob.hard@example.com")
      ada = { headers: a.headers.headers, customer_id: a.customer_id }
      bob = { headers: b.headers.headers, customer_id: b.customer_id }
      const variant = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
      const cartFor = async (h: Headers, email: string) => {
        const { data } = await api.post(
          "/store/carts",
          { region_id: demo.region_ids.usd, email, billing_address: usAddress, shipping_address: usAddress },
          h
        )
        await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }, h)
        return data.cart.id as string
      }
      const ordered = await cartFor(as(ada), "ada.hard@example.com")
      adaOrder = (await checkout(api, demo, ordered, as(ada))).data.order.id
      guestOrder = (await checkout(api, demo, await cartFor(storeHeaders(demo), "guest.hard@example.com"))).data.order.id
      adaCart = await cartFor(as(ada), "ada.hard@example.com")
    })

    it("keeps a registered client's carts and orders theirs on Medusa's own routes (404 for anyone else)", async () => {
      const anonymous = storeHeaders(demo)
      const variant = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
      const before = (await api.get(`/store/carts/${adaCart}`, as(ada))).data.cart
      for (const who of [anonymous, as(bob)]) {
        const attempts: Promise<Res>[] = [
          api.get(`/store/carts/${adaCart}`, who),
          api.post(`/store/carts/${adaCart}`, { email: "thief@example.com" }, who),
          api.post(`/store/carts/${adaCart}/line-items`, { variant_id: variant.id, quantity: 5 }, who),
          api.post(`/store/carts/${adaCart}/line-items/${before.items[0].id}`, { quantity: 9 }, who),
          api.delete(`/store/carts/${adaCart}/line-items/${before.items[0].id}`, who),
          api.post(`/store/carts/${adaCart}/promotions`, { promo_codes: [demo.coupon] }, who),
          api.post(`/store/carts/${adaCart}/customer`, {}, who),
          api.post(`/store/carts/${adaCart}/complete`, {}, who),
          api.post("/store/payment-collections", { cart_id: adaCart }, who),
          api.get(`/store/orders/${adaOrder}`, who),
        ]
        for (const res of await Promise.all(attempts.map(response))) {
          expect([res.status, res.data.code]).toEqual([404, "not_found"])
          expect(JSON.stringify(res.data)).not.toContain("ada.hard@example.com")
        }
      }
      // Nothing changed, and the owner still has everything.
      const after = (await api.get(`/store/carts/${adaCart}`, as(ada))).data.cart
      expect([after.email, after.customer_id, after.items.length, after.items[0].quantity, after.promotions?.length ?? 0]).toEqual([
        "ada.hard@example.com",
        ada.customer_id,
        1,
        1,
        0,
      ])
      expect((await api.get(`/store/orders/${adaOrder}`, as(ada))).data.order.email).toBe("ada.hard@example.com")
      // A payment collection of Ada's cart is hers only.
      const { data } = await api.post("/store/payment-collections", { cart_id: adaCart }, as(ada))
      const session = await response(
        api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, as(bob))
      )
      expect(session.status).toBe(404)
      // A guest's order is reached by its id, as in Medusa (the portal ties guest orders to their email).
      expect((await api.get(`/store/orders/${guestOrder}`, anonymous)).status).toBe(200)
    })

    it("never lists a folder under a hidden one, nor a hidden folder's children", async () => {
      const create = async (body: Record<string, unknown>) => (await api.post("/admin/portico/folders", body, admin)).data.folder
      const hidden = await create({ name: "Secret", handle: "secret-hard", is_visible: false })
      const inside = await create({ name: "Inside", handle: "inside-hard", parent_id: hidden.id })
      await create({ name: "Deeper", handle: "deeper-hard", parent_id: inside.id })
      const all = (await api.get("/store/portico/folders?limit=100", storeHeaders(demo))).data.folders as { handle: string }[]
      expect(all.map((f) => f.handle)).not.toEqual(expect.arrayContaining(["secret-hard"]))
      expect(all.map((f) => f.handle).filter((h) => h.endsWith("-hard"))).toEqual([])
      for (const parent of [hidden.id, inside.id]) {
        const res = await response(api.get(`/store/portico/folders?parent_id=${parent}`, storeHeaders(demo)))
        expect([res.status, res.data.code]).toEqual([404, "not_found"])
      }
      const adminList = (await api.get("/admin/portico/folders?limit=100", admin)).data.folders as { handle: string }[]
      expect(adminList.map((f) => f.handle)).toEqual(expect.arrayContaining(["secret-hard", "inside-hard", "deeper-hard"]))
    })

    it("answers malformed, oversized and mistyped requests with a stable code", async () => {
      const raw = (url: string, body: string, type: string, h: Record<string, string>) =>
        response(api.post(url, body, { headers: { ...h, "content-type": type }, transformRequest: [(d: unknown) => d] }))
      const cases: [Promise<Res>, number, string][] = [
        [raw("/admin/portico/folders", "{\"name\":", "application/json", admin.headers), 400, "invalid_json"],
        [raw("/admin/portico/folders", JSON.stringify({ name: "x".repeat(70_000) }), "application/json", admin.headers), 413, "body_too_large"],
        [raw("/admin/portico/folders", "name=a&handle=b", "application/x-www-form-urlencoded", admin.headers), 415, "unsupported_media_type"],
        [raw("/admin/portico/folders", "hello", "text/plain", admin.headers), 415, "unsupported_media_type"],
        [raw(`/store/carts/${adaCart}/credit`, "{", "application/json", ada.headers), 400, "invalid_json"],
        [response(api.get("/admin/portico/invoices?limit=-1", admin)), 400, "invalid_request"],
        [response(api.get("/admin/portico/invoices?limit=abc", admin)), 400, "invalid_request"],
        [response(api.get("/admin/portico/invoices?created_at[$gte]=notadate", admin)), 400, "invalid_request"],
        [response(api.get("/admin/portico/invoices?order=nonsense", admin)), 400, "invalid_request"],
        [response(api.get("/admin/portico/service-orders?offset=-5", admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/folders", { name: "A", handle: "pos-hard", position: 2 ** 31 }, admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/folders", { name: "A", handle: "empty-parent", parent_id: "" }, admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/folders", { name: "A\u0000", handle: "nul-hard" }, admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/folders", { name: "A\ud800", handle: "surrogate-hard" }, admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/folders", JSON.parse('{"name":"A","handle":"proto-hard","metadata":{"hasOwnProperty":1}}'), admin)), 400, "invalid_request"],
        [response(api.post(`/admin/portico/customers/${ada.customer_id}/credit/adjustments`, { type: "grant", currency_code: "usd", amount: 0.000000001, note: "x" }, admin)), 400, "invalid_request"],
        [response(api.post(`/admin/portico/customers/${ada.customer_id}/credit/adjustments`, { type: "grant", currency_code: "usd", amount: 1e30, note: "x" }, admin)), 400, "invalid_request"],
        [response(api.post("/admin/portico/email-templates/payment_confirmation", { subject: "Hi\r\nBcc: all@example.com" }, admin)), 400, "invalid_request"],
      ]
      for (const [promise, status, code] of cases) {
        const res = await promise
        expect([res.status, res.data?.code]).toEqual([status, code])
      }
      // Every order a list offers works, both ways.
      for (const [list, orders] of [
        ["/admin/portico/invoices", ["created_at", "number", "total", "paid_at"]],
        ["/admin/portico/folders", ["position", "name", "created_at"]],
        ["/admin/portico/service-orders", ["created_at"]],
      ] as const) {
        for (const order of orders.flatMap((o) => [o, `-${o}`])) {
          expect((await response(api.get(`${list}?order=${order}&limit=5`, admin))).status).toBe(200)
        }
      }
      const nested = `{"name":"A","handle":"deep-hard","metadata":{"a":${"[".repeat(5000)}${"]".repeat(5000)}}}`
      const deep = await raw("/admin/portico/folders", nested, "application/json", admin.headers)
      expect([deep.status, deep.data.errors[0].code]).toEqual([400, "too_deep"])
    })

    it("answers thousands of generated bad inputs on every Portico route with a 4xx and a code, and writes nothing", async () => {
      // Every table's row count and last change: what "nothing written" means.
      const fingerprint = () => dbFingerprint(getContainer())
      // Completing a cart takes no body: any request by its owner is a valid
      // one (it places the order), so it is not bad input to generate. Creating
      // and updating a cart (Medusa's routes, whose handlers Portico replaces)
      // accept an empty body as valid and write: their bad input gets Medusa's
      // validator, with Portico's codes (checked in portal-login.spec.ts).
      const valid = new Set(["/store/carts/:id/complete", "/store/carts", "/store/carts/:id"])
      const routes = porticoRoutes().filter((r) => !valid.has(r.path))
      expect(routes.length).toBeGreaterThan(30)

      // Parameters: real ids (the caller's and other people's) and made-up ones.
      const { data: folders } = await api.get("/admin/portico/folders?limit=1", admin)
      const { data: invoices } = await api.get("/admin/portico/invoices?limit=1", admin)
      const { data: sos } = await api.get("/admin/portico/service-orders?limit=1", admin)
      const real: Record<string, string[]> = {
        id: [folders.folders[0]?.id, invoices.invoices[0]?.id, sos.service_orders[0]?.id, adaCart, adaOrder, ada.customer_id].filter(Boolean),
        template: ["payment_confirmation", "nope"],
        file_id: ["file_x"],
      }
      const bogus = ["x", "sfold_nope", "%00", "..%2F..%2Fetc%2Fpasswd", "a".repeat(300), "%F0%9F%92%A9", "%E2%80%AE"]
      const fill = (route: string, values: Record<string, string>) => route.replace(/:([a-z_]+)/g, (_m, k: string) => values[k] ?? "x")

      // Bodies: always-invalid shapes (refused whatever the route), and random JSON for made-up ids.
      const invalidBodies: unknown[] = [
        { name: "a\u0000b" },
        { note: "\udc00" },
        JSON.parse('{"__proto__":{"polluted":true}}'),
        JSON.parse('{"constructor":{"prototype":{"x":1}}}'),
        { answers: JSON.parse('{"hasOwnProperty":"x"}') },
        { metadata: JSON.parse('{"toString":1}') },
        `{"deep":${"[".repeat(3000)}${"]".repeat(3000)}}`,
        { ["k\u0000"]: 1 },
      ]
      const randomBodies = fc.sample(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.dictionary(fc.constantFrom("name", "amount", "type", "status", "fields", "enabled", "position", "parent_id", "note", "subject", "answers", "refund_amount", "currency_code", "ids", "add"), fc.jsonValue({ maxDepth: 3 }))
        ),
        { numRuns: 40, seed: 15 }
      )
      const queries = [
        "limit=-1", "limit=abc", "limit=1e3", "offset=-1", "offset=99999999999", "limit=0x3", "order=%00", "order=nonsense",
        "created_at[$gte]=notadate", "created_at[$lt]=2026-13-45", "q=%00", "q=%ED%A0%80", "status=lost", "fields=*evil",
        "unknown=1", "a[b][c][d][e][f][g]=1", "parent_id=", "currency_code=%00%00%00", "region_id=../../x", "limit[]=1&limit[]=2",
      ]

      // The merchant on admin routes; on store routes Ada, Bob and anonymous in turn.
      const clients = [as(ada), as(bob), storeHeaders(demo)]
      const headersFor = (route: string, i: number) =>
        route.startsWith("/store")
          ? { headers: { ...storeHeaders(demo).headers, ...clients[i % clients.length].headers } }
          : admin
      const before = await fingerprint()
      const failures: string[] = []
      let sent = 0
      // A connection the server closed as idle just as the client reused it (keep-alive, a
      // loaded machine) is not an answer: such a request is sent once more on a new connection.
      const reset = (e: Error & { code?: string }) => e.code === "ECONNRESET" || /socket hang up/.test(e.message)
      const check = async (label: string, send: () => Promise<Res>) => {
        const res = await response(send())
          .catch((e: Error) => (reset(e) ? response(send()) : Promise.reject(e)))
          .catch((e: Error) => {
            failures.push(`${label} → no answer: ${e.message}`)
            return null
          })
        sent++
        if (!res) {
          return
        }
        // Medusa's own authentication answers 401 `{ message }` (no code) before any Portico code runs.
        if (res.status >= 500 || (res.status >= 400 && res.status !== 401 && typeof res.data?.code !== "string")) {
          failures.push(`${label} → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
        }
      }
      for (const route of routes) {
        const idSets = [
          ...real.id.map((id) => ({ id, template: real.template[0], file_id: "file_x" })),
          ...bogus.map((b) => ({ id: b, template: b, file_id: b })),
        ].slice(0, route.path.includes(":") ? undefined : 1)
        for (const [i, values] of idSets.entries()) {
          const url = fill(route.path, values)
          const h = headersFor(route.path, i)
          const batch: Promise<void>[] = []
          if (route.methods.includes("GET")) {
            for (const q of queries) {
              batch.push(check(`GET ${url}?${q}`, () => api.get(`${url}?${q}`, h)))
            }
          }
          for (const method of route.methods.filter((m) => m !== "GET")) {
            const bodies = real.id.includes(values.id) ? invalidBodies : [...invalidBodies, ...randomBodies]
            for (const body of bodies) {
              // Sent as JSON text exactly (a nested body as it was written, a bare `null` too).
              const text = typeof body === "string" ? body : JSON.stringify(body)
              const config = { headers: { ...h.headers, "content-type": "application/json" }, transformRequest: [(d: unknown) => d] }
              const send = () => (method === "POST" ? api.post(url, text, config) : api.delete(url, { ...config, data: text }))
              batch.push(check(`${method} ${url} ${text.slice(0, 80)}`, send))
            }
          }
          await Promise.all(batch)
        }
      }
      expect(failures).toEqual([])
      expect(sent).toBeGreaterThan(2000)
      expect(await fingerprint()).toEqual(before)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  },
})
