// Small limits for this file (read by medusa-config.ts when the app boots).
process.env.PORTICO_LOGIN_LINKS_PER_EMAIL = "3"
process.env.PORTICO_LOGIN_REQUESTS_PER_IP = "60"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import type { DemoInfo } from "../../scripts/seed-demo"
import { readMailbox } from "../../src/providers/mailbox/mailbox"
import { orderAccessToken } from "../../src/api/utils/order-access"
import { openPortalAccountWorkflow } from "../../src/workflows/portal/workflows/open-portal-account"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, createCart, eventually, nameFailedRequests, registerClient, response, variantOf } from "../helpers/store"

jest.setTimeout(240_000)

type Headers = { headers: Record<string, string> }

/**
 * The customer portal's login: magic links (request, single use, expiry,
 * replacement, rate limits, nothing told about unknown emails), the account a
 * first login opens and the guest purchases it claims, and who may read an
 * order's Portico resources afterwards (the owner, or the placing browser with
 * its order token; never an id alone).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let admin: Headers
    // The dev mailbox outlives a run: only this run's emails count.
    const since = new Date().toISOString()

    /** The login link emailed to `email` most recently (its token and `next`). */
    const lastLink = async (email: string) =>
      eventually(async () => {
        const mails = (await readMailbox()).filter((m) => m.template === "login_link" && m.to === email && m.sent_at >= since)
        const mail = mails[mails.length - 1]
        const href = mail?.text.match(/https?:\/\/\S+\/portal\/login\/verify\?\S+/)?.[0]
        if (!href) {
          throw new Error(`no login link for ${email} yet`)
        }
        const url = new URL(href)
        return { token: url.searchParams.get("token")!, next: url.searchParams.get("next"), url, count: mails.length, mail }
      })
    const requestLink = (email: string, extra: Record<string, unknown> = {}) =>
      response(api.post("/auth/customer/magic-link", { email, ...extra }))
    const loginWith = (token: string) => response(api.post("/auth/customer/magic-link", { token }))

    /** Logs in by link and opens the account, as the storefront does: the refreshed token's headers. */
    async function portalLogin(email: string) {
      const before = (await readMailbox()).filter((m) => m.template === "login_link" && m.to === email && m.sent_at >= since).length
      expect((await requestLink(email)).status).toBe(200)
      const link = await eventually(async () => {
        const found = await lastLink(email)
        if (found.count <= before) throw new Error("old link")
        return found
      })
      const login = await loginWith(link.token)
      expect(login.status).toBe(200)
      const bearer = storeHeaders(demo, { authorization: `Bearer ${login.data.token}` })
      const opened = await api.post("/store/portico/account", {}, bearer)
      const refreshed = await api.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${login.data.token}` } })
      return {
        headers: storeHeaders(demo, { authorization: `Bearer ${refreshed.data.token}` }),
        customer: opened.data.customer as { id: string; email: string; has_account: boolean },
        claimed: opened.data.claimed as { orders: number; invoices: number; service_orders: number; subscriptions: number; license_keys: number },
      }
    }

    /** A guest order of `email` paid through the system provider (the email given when creating the cart, or later as a storefront's checkout does). */
    async function guestOrder(email: string, emailBy: "create" | "update" = "create") {
      const variant = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
      const cart = await createCart(api, demo, demo.region_ids.usd, emailBy === "create" ? { email } : { email: undefined })
      if (emailBy === "update") {
        await api.post(`/store/carts/${cart.id}`, { email }, storeHeaders(demo))
      }
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }, storeHeaders(demo))
      const { data } = await checkout(api, demo, cart.id)
      expect(data.type).toBe("order")
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: data.order.id } })
      return { order: order as { id: string; customer_id: string }, token: data.order_access_token as string }
    }

    beforeAll(async () => {
      nameFailedRequests(api)
      demo = await seedDemo(getContainer())
      admin = await adminHeaders(api, demo)
    })

    afterEach(() => jest.restoreAllMocks())

    it("answers a link request the same for a known and an unknown email, and emails the link only", async () => {
      const known = await requestLink(demo.client_email)
      const unknown = await requestLink("nobody-yet@example.com")
      expect(known.status).toBe(200)
      expect(unknown.status).toBe(known.status)
      expect(unknown.data).toEqual(known.data)
      expect(known.data).toEqual({ location: expect.stringMatching(/\/portal\/login\?sent=1$/) })

      const link = await lastLink(demo.client_email)
      expect(link.url.pathname).toBe("/portal/login/verify")
      expect(link.mail.html).toContain(link.url.toString().replace(/&/g, "&amp;"))
      // Stored: a hash, never the token; the notification keeps a placeholder.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [identity] = await pg("provider_identity").where({ provider: "magic-link", entity_id: demo.client_email })
      const secret = link.token.split(".")[1]
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(JSON.stringify(identity.provider_metadata)).not.toContain(secret)
      expect(identity.provider_metadata.token_hash).toMatch(/^[0-9a-f]{64}$/)
      const notifications = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ to: demo.client_email, template: "login_link" } as never)
      expect(notifications.length).toBeGreaterThan(0)
      expect(JSON.stringify(notifications.map((n: { data: unknown }) => n.data))).not.toContain(secret)
    })

    it("answers bad cart bodies on the replaced cart routes with Medusa's validation and a code", async () => {
      const created = await response(api.post("/store/carts", { region_id: 42, nope: true }, storeHeaders(demo)))
      expect(created.status).toBe(400)
      expect(created.data).toMatchObject({ type: "invalid_data", code: "invalid_request" })
      const cart = await createCart(api, demo, demo.region_ids.usd)
      const updated = await response(api.post(`/store/carts/${cart.id}`, { email: "not an email" }, storeHeaders(demo)))
      expect(updated.status).toBe(400)
      expect(updated.data).toMatchObject({ type: "invalid_data", code: "invalid_request" })
      // GET stays Medusa's.
      expect((await api.get(`/store/carts/${cart.id}`, storeHeaders(demo))).data.cart.id).toBe(cart.id)
    })

    it("refuses bad requests with field errors and changes nothing", async () => {
      const bad = await response(api.post("/auth/customer/magic-link", { email: "not-an-email" }))
      expect(bad.status).toBe(400)
      expect(bad.data).toMatchObject({ code: "invalid_request", errors: [expect.objectContaining({ field: "email" })] })
      const extra = await response(api.post("/auth/customer/magic-link", { token: "x", email: "a@b.co" }))
      expect(extra.status).toBe(400)
      expect(extra.data.errors).toEqual([expect.objectContaining({ field: "email", code: "unknown_field" })])
      // No login by link for admin users.
      const user = await response(api.post("/auth/user/magic-link", { email: demo.admin_email }))
      expect(user.status).toBeGreaterThanOrEqual(400)
      expect(user.status).toBeLessThan(500)
    })

    it("logs in once per link; a reused, altered, unknown or replaced link is refused with login_link_invalid", async () => {
      const email = "once@example.com"
      await requestLink(email)
      const first = await lastLink(email)
      await requestLink(email)
      const second = await eventually(async () => {
        const found = await lastLink(email)
        if (found.token === first.token) throw new Error("not yet")
        return found
      })
      // A newer link replaces the older one.
      const old = await loginWith(first.token)
      expect(old.status).toBe(401)
      expect(old.data).toMatchObject({ code: "login_link_invalid" })

      const tampered = second.token.slice(0, -1) + (second.token.endsWith("A") ? "B" : "A")
      expect((await loginWith(tampered)).data).toMatchObject({ code: "login_link_invalid" })
      expect((await loginWith(`authid_unknown.${second.token.split(".")[1]}`)).status).toBe(401)
      expect((await loginWith("garbage")).status).toBe(401)

      // Two logins with the same link at once: exactly one gets in.
      const both = await Promise.all([loginWith(second.token), loginWith(second.token)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 401])
      const ok = both.find((r) => r.status === 200)!
      expect(jwt.decode(ok.data.token)).toMatchObject({ actor_type: "customer", actor_id: "" })
      expect((await loginWith(second.token)).status).toBe(401)
    })

    it("refuses an expired link (the clock moved past its 15 minutes)", async () => {
      const email = "late@example.com"
      await requestLink(email)
      const link = await lastLink(email)
      const now = Date.now()
      jest.spyOn(Date, "now").mockReturnValue(now + 15 * 60_000 + 1_000)
      const late = await loginWith(link.token)
      expect(late.status).toBe(401)
      expect(late.data).toMatchObject({ code: "login_link_invalid" })
      jest.restoreAllMocks()
      // Not consumed by the refused attempt, and still valid inside its window.
      jest.spyOn(Date, "now").mockReturnValue(now + 14 * 60_000)
      expect((await loginWith(link.token)).status).toBe(200)
    })

    it("keeps a safe `next` in the link and drops another site", async () => {
      await requestLink("next@example.com", { next: "/portal/invoices/INV-000001" })
      expect((await lastLink("next@example.com")).next).toBe("/portal/invoices/INV-000001")
      await requestLink("next@example.com", { next: "//evil.example/x" })
      const dropped = await eventually(async () => {
        const found = await lastLink("next@example.com")
        if (found.count < 2) throw new Error("not yet")
        return found
      })
      expect(dropped.next).toBeNull()
    })

    it("first login creates the customer without a password; the guest orders of that email become theirs, another email's do not", async () => {
      const email = "guest-first@example.com"
      const mine = await guestOrder(email)
      const other = await guestOrder("someone-else@example.com")
      // Before login: the order id alone opens nothing of Portico's.
      for (const path of [`/store/portico/orders/${mine.order.id}/service-orders`, `/store/orders/${mine.order.id}/invoice`, `/store/orders/${mine.order.id}/payment-instructions`]) {
        expect({ path, status: (await response(api.get(path, storeHeaders(demo)))).status }).toEqual({ path, status: 404 })
        // The placing browser's token opens its own order, not another.
        const withToken = storeHeaders(demo, { "x-portico-order-token": mine.token })
        expect({ path, status: (await response(api.get(path, withToken))).status }).toEqual({ path, status: 200 })
        const wrong = storeHeaders(demo, { "x-portico-order-token": other.token })
        expect({ path, status: (await response(api.get(path, wrong))).status }).toEqual({ path, status: 404 })
      }

      const client = await portalLogin(email)
      expect(client.customer).toMatchObject({ email, has_account: true })
      // The guest customer itself became the account: nothing had to move.
      expect(client.customer.id).toBe(mine.order.customer_id)
      const { data: me } = await api.get("/store/customers/me", client.headers)
      expect(me.customer.id).toBe(client.customer.id)
      const { data: orders } = await api.get("/store/orders", client.headers)
      expect(orders.orders.map((o: { id: string }) => o.id)).toEqual([mine.order.id])
      expect((await api.get(`/store/portico/orders/${mine.order.id}/service-orders`, client.headers)).status).toBe(200)
      expect((await api.get(`/store/orders/${mine.order.id}/invoice`, client.headers)).data.invoice.order_id).toBe(mine.order.id)
      // Someone else's order stays a 404 for this client.
      expect((await response(api.get(`/store/portico/orders/${other.order.id}/service-orders`, client.headers))).status).toBe(404)
      expect((await response(api.get(`/store/orders/${other.order.id}/invoice`, client.headers))).status).toBe(404)

      // Logging in again is the same account, with nothing left to claim.
      const again = await portalLogin(email)
      expect(again.customer.id).toBe(client.customer.id)
      expect(again.claimed).toEqual({ orders: 0, invoices: 0, service_orders: 0, subscriptions: 0, license_keys: 0 })

      // Shopping again without logging in, email typed at checkout or given with the cart: the
      // browser keeps reaching its cart (a guest cart, not the account's), and the next login
      // claims the orders.
      const byUpdate = await guestOrder(email, "update")
      const byCreate = await guestOrder(email, "create")
      expect(byUpdate.order.customer_id).not.toBe(client.customer.id)
      expect(byCreate.order.customer_id).toBe(byUpdate.order.customer_id)
      const third = await portalLogin(email)
      expect(third.customer.id).toBe(client.customer.id)
      expect(third.claimed).toMatchObject({ orders: 2, invoices: 2 })
      const { data: after } = await api.get("/store/orders", third.headers)
      expect(after.orders.map((o: { id: string }) => o.id).sort()).toEqual([mine.order.id, byUpdate.order.id, byCreate.order.id].sort())
    })

    it("a password account logs in by link too and claims the guest orders of its email", async () => {
      const email = "has-password@example.com"
      // Ordered as a guest first (a guest customer), then registered with a password (a second customer).
      const guest = await guestOrder(email)
      const password = await registerClient(api, demo, email)
      expect(guest.order.customer_id).not.toBe(password.customer_id)
      const client = await portalLogin(email)
      expect(client.customer.id).toBe(password.customer_id)
      expect(client.claimed).toMatchObject({ orders: 1, invoices: 1 })
      // The password login sees the claimed order too.
      const { data } = await api.get("/store/orders", password.headers)
      expect(data.orders.map((o: { id: string }) => o.id)).toContain(guest.order.id)
      expect((await api.get(`/store/orders/${guest.order.id}/invoice`, password.headers)).status).toBe(200)
    })

    it("opens an account only for an email proved by a link", async () => {
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email: "no-link@example.com", password: "secret-123" })
      const refused = await response(api.post("/store/portico/account", {}, storeHeaders(demo, { authorization: `Bearer ${reg.token}` })))
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "login_link_required" })
      expect((await response(api.post("/store/portico/account", {}, storeHeaders(demo)))).status).toBe(401)
      // The workflow, called from code, refuses the same way.
      const { errors } = await openPortalAccountWorkflow(getContainer()).run({
        input: { auth_identity_id: (jwt.decode(reg.token) as { auth_identity_id: string }).auth_identity_id },
        throwOnError: false,
      })
      expect(errors[0]?.error).toMatchObject({ code: "login_link_required" })
    })

    it("two logins of a new email at once make one customer", async () => {
      const email = "twice-at-once@example.com"
      await requestLink(email)
      const first = await lastLink(email)
      const a = await loginWith(first.token)
      await requestLink(email)
      const second = await eventually(async () => {
        const found = await lastLink(email)
        if (found.token === first.token) throw new Error("not yet")
        return found
      })
      const b = await loginWith(second.token)
      const [x, y] = await Promise.all(
        [a, b].map((l) => api.post("/store/portico/account", {}, storeHeaders(demo, { authorization: `Bearer ${l.data.token}` })))
      )
      expect(x.data.customer.id).toBe(y.data.customer.id)
      const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email })
      expect(customers).toHaveLength(1)
    })

    it("an order token works for its order only, and not after its hour", async () => {
      const placed = await guestOrder("token-hour@example.com")
      const path = `/store/portico/orders/${placed.order.id}/service-orders`
      const forged = orderAccessToken({ projectConfig: { http: { jwtSecret: "not-the-secret" } } } as never, placed.order.id)
      expect((await response(api.get(path, storeHeaders(demo, { "x-portico-order-token": forged })))).status).toBe(404)
      // A login token is no order token.
      const client = await registerClient(api, demo, "token-hour-2@example.com")
      const bearer = (client.headers.headers as Record<string, string>).authorization.replace("Bearer ", "")
      expect((await response(api.get(path, storeHeaders(demo, { "x-portico-order-token": bearer })))).status).toBe(404)
      jest.spyOn(Date, "now").mockReturnValue(Date.now() + 61 * 60_000)
      expect((await response(api.get(path, storeHeaders(demo, { "x-portico-order-token": placed.token })))).status).toBe(404)
    })

    it("the merchant sends a client a login link from the admin", async () => {
      const client = await registerClient(api, demo, "invited@example.com")
      const { data } = await api.post(`/admin/portico/customers/${client.customer_id}/login-link`, {}, admin)
      expect(data).toEqual({ sent: true, email: "invited@example.com" })
      const link = await lastLink("invited@example.com")
      expect((await loginWith(link.token)).status).toBe(200)
      expect((await response(api.post("/admin/portico/customers/cus_unknown/login-link", {}, admin))).status).toBe(404)
      expect((await response(api.post(`/admin/portico/customers/${client.customer_id}/login-link`, {}))).status).toBe(401)
    })

    it("limits link requests per email (429 rate_limited with Retry-After), other emails unaffected", async () => {
      const email = "flood@example.com"
      for (let i = 0; i < 3; i++) {
        expect((await requestLink(email)).status).toBe(200)
      }
      const limited = await requestLink(email)
      expect(limited.status).toBe(429)
      expect(limited.data).toMatchObject({ code: "rate_limited", retry_after: expect.any(Number) })
      expect((await requestLink("not-flooded@example.com")).status).toBe(200)
      // Same answer for a case variant of the flooded email.
      expect((await requestLink("FLOOD@example.com")).status).toBe(429)
    })

    it("limits requests per IP address (last: it exhausts this address)", async () => {
      let status = 200
      let n = 0
      while (status === 200 && n < 80) {
        status = (await loginWith(`authid_x${n}.${"a".repeat(43)}`)).status === 401 ? 200 : 429
        n++
      }
      expect(status).toBe(429)
      const limited = await requestLink("fresh-address-test@example.com")
      expect(limited.status).toBe(429)
    })
  },
})
