import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { downloadToken } from "../../src/api/utils/download-link"
import { clock } from "../../src/utils/clock"
import { afterPaymentWorkflow } from "../../src/workflows/service-order/workflows/after-payment"
import { fakeStripe } from "../fakes/stripe"
import { cartWithSession, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient, response } from "../helpers/store"

jest.setTimeout(300_000)

const STRIPE = "pp_stripe_stripe"
const WEBHOOK_SECRET = "whsec_portico_entitlements"
const stripe = fakeStripe(WEBHOOK_SECRET)
const KEY = /^[0-9A-HJKMNP-TV-Z]{8}(-[0-9A-HJKMNP-TV-Z]{8}){3}$/

beforeAll(async () => {
  process.env.STRIPE_API_KEY = "sk_test_portico"
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_BASE_URL = await stripe.start()
  // 50 activations at once from one address in one test: the per-IP limit is not what is tested here.
  process.env.PORTICO_LICENSE_RATE_PER_IP = "100000"
  process.env.PORTICO_LICENSE_RATE_PER_KEY = "100000"
})
afterAll(async () => {
  clock.reset()
  await stripe.stop()
})

/** A multipart upload of one file part (and a title). */
function upload(name: string, content: Buffer | string, type = "application/octet-stream", title?: string) {
  const form = new FormData()
  form.append("file", new Blob([content], { type }), name)
  if (title) {
    form.append("title", title)
  }
  return form
}

/**
 * Files and license keys: keys issued once per unit at payment, the public
 * license API under concurrency and bad input, revocation on refund, expiry
 * with the subscription; product files with versions, entitlement-checked
 * short-lived downloads and their record; ownership on every store route.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Entitlements (no tax)",
        providers: [STRIPE],
        services: { "Desktop app": 49, "Template pack": 19, "Pro plan": 12 },
      })
      ;({ demo, admin } = suite)
      await api.post(
        `/admin/portico/services/${suite.products["Desktop app"]}/settings`,
        { license_keys_enabled: true, license_activation_limit: 3, files_enabled: true },
        admin
      )
      await api.post(`/admin/portico/services/${suite.products["Template pack"]}/settings`, { files_enabled: true }, admin)
      await api.post(
        `/admin/portico/services/${suite.products["Pro plan"]}/settings`,
        { billing_type: "recurring", interval: "month", license_keys_enabled: true, license_expiry: "subscription", files_enabled: true },
        admin
      )
    })
    afterEach(() => clock.reset())

    /** A signed-in client buys `quantity` of a service by card. */
    async function buy(email: string, service: string, quantity = 1, client?: Awaited<ReturnType<typeof registerClient>>) {
      client ??= await registerClient(api, demo, email)
      const { cart_id, session, collection_id } = await cartWithSession(api, client.headers, suite, {
        email,
        variant_id: suite.variants[service],
        provider_id: STRIPE,
      })
      let intent = session.data.id as string
      if (quantity > 1) {
        const { data } = await api.get(`/store/carts/${cart_id}?fields=items.id`, client.headers)
        await api.post(`/store/carts/${cart_id}/line-items/${data.cart.items[0].id}`, { quantity }, client.headers)
        const { data: started } = await api.post(`/store/payment-collections/${collection_id}/payment-sessions`, { provider_id: STRIPE }, client.headers)
        intent = started.payment_collection.payment_sessions[0].data.id
      }
      stripe.confirm(intent, "ok")
      const done = await api.post(`/store/carts/${cart_id}/complete`, {}, client.headers)
      expect(done.data.type).toBe("order")
      return { client, order: done.data.order as { id: string } }
    }

    const keysOf = async (headers: unknown, query = "") => (await api.get(`/store/portico/license-keys${query}`, headers)).data
    const license = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      response(api.post(`/license/${path}`, body, { headers }))

    it("issues one key per unit once; the license API activates within the limit under concurrency, validates and deactivates", async () => {
      const { client, order } = await buy("ada.keys@example.com", "Desktop app", 2)
      const { license_keys, count } = await keysOf(client.headers)
      expect(count).toBe(2)
      for (const k of license_keys) {
        expect(k).toMatchObject({ status: "inactive", activation_limit: 3, activation_usage: 0, order_id: order.id, instances: [] })
        expect(k.key).toMatch(KEY)
      }
      expect(new Set(license_keys.map((k: { key: string }) => k.key)).size).toBe(2)
      // The paid event again (duplicated, retried) issues nothing more.
      const { invoice } = (await api.get(`/store/orders/${order.id}/invoice`, client.headers)).data
      await afterPaymentWorkflow(getContainer()).run({ input: { invoice_id: invoice.id, notify: false } })
      expect((await keysOf(client.headers)).count).toBe(2)

      const key = license_keys[0].key as string
      // 50 activations at once, limit 3: exactly 3 instances.
      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) => license("activate", { license_key: key, instance_name: `Machine ${i}` }))
      )
      const activated = attempts.filter((r) => r.data.activated)
      expect(activated).toHaveLength(3)
      expect(activated.every((r) => r.status === 201)).toBe(true)
      const refused = attempts.filter((r) => !r.data.activated)
      expect(refused).toHaveLength(47)
      expect(refused.every((r) => r.status === 400 && r.data.code === "activation_limit_reached")).toBe(true)
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(
        `select count(*)::int as n from portico_license_instance i join portico_license_key k on k.id = i.license_key_id
          where k.key = ? and i.deactivated_at is null`,
        [key]
      )
      expect(rows[0].n).toBe(3)

      // The same fingerprint again: the same instance, no slot used (the key read in lower case and without dashes).
      const first = activated[0].data
      expect(first).toMatchObject({
        activated: true,
        error: null,
        code: null,
        license_key: { status: "active", key, activation_limit: 3, activation_usage: expect.any(Number), expires_at: null },
        meta: { product_id: suite.products["Desktop app"], product_name: "Desktop app", order_id: order.id, customer_email: "ada.keys@example.com" },
      })
      const again = await license("activate", { license_key: key.toLowerCase().replace(/-/g, ""), instance_name: first.instance.name })
      expect(again.status).toBe(200)
      expect(again.data.instance.id).toBe(first.instance.id)
      expect(again.data.license_key.activation_usage).toBe(3)

      // Another product's id: refused before any slot is looked at.
      const second = license_keys[1].key as string
      const wrong = await license("activate", { license_key: second, instance_name: "X", product_id: suite.products["Template pack"] })
      expect(wrong).toMatchObject({ status: 400, data: { activated: false, code: "license_product_mismatch" } })
      expect((await license("validate", { license_key: second })).data.license_key.activation_usage).toBe(0)

      // validate with and without an instance; an unknown key tells nothing.
      const valid = await license("validate", { license_key: key, instance_id: first.instance.id })
      expect(valid).toMatchObject({ status: 200, data: { valid: true, code: null, instance: { id: first.instance.id } } })
      const unknown = await license("validate", { license_key: "0000AAAA-BBBBCCCC-DDDDEEEE-FFFFGGGG" })
      expect(unknown).toMatchObject({ status: 404, data: { valid: false, code: "license_key_not_found", license_key: null, meta: null } })
      expect((await license("validate", { license_key: "nonsense" })).data.code).toBe("license_key_not_found")
      const otherInstance = await license("validate", { license_key: second, instance_id: first.instance.id })
      expect(otherInstance).toMatchObject({ status: 404, data: { valid: false, code: "license_instance_not_found" } })

      // Bad input: field-level, nothing changed. Form-encoded bodies work (as Lemon Squeezy's clients send them).
      const missing = await license("activate", { license_key: key })
      expect(missing).toMatchObject({ status: 400, data: { activated: false, code: "invalid_request" } })
      expect(missing.data.errors).toEqual([expect.objectContaining({ field: "instance_name" })])
      expect((await license("validate", { license_key: key, extra: 1 })).data.errors[0]).toMatchObject({ code: "unknown_field" })
      expect((await license("deactivate", { license_key: { $ne: "" }, instance_id: "x" })).status).toBe(400)
      const form = await license("validate", `license_key=${encodeURIComponent(key)}`, { "content-type": "application/x-www-form-urlencoded" })
      expect(form.data.valid).toBe(true)

      // Deactivate frees a slot; again is still a success; then a new machine fits.
      const off = await license("deactivate", { license_key: key, instance_id: first.instance.id })
      expect(off).toMatchObject({ status: 200, data: { deactivated: true, license_key: { activation_usage: 2 } } })
      expect((await license("deactivate", { license_key: key, instance_id: first.instance.id })).data.deactivated).toBe(true)
      expect((await license("validate", { license_key: key, instance_id: first.instance.id })).data.valid).toBe(false)
      expect((await license("activate", { license_key: key, instance_name: "New laptop" })).status).toBe(201)

      // Another client sees none of it: 404 on every key route.
      const eve = await registerClient(api, demo, "eve.keys@example.com")
      expect((await keysOf(eve.headers)).count).toBe(0)
      const keyId = license_keys[0].id
      expect((await response(api.get(`/store/portico/license-keys/${keyId}`, eve.headers))).status).toBe(404)
      const instanceId = (await api.get(`/store/portico/license-keys/${keyId}`, client.headers)).data.license_key.instances[0].id
      const theft = await response(api.post(`/store/portico/license-keys/${keyId}/instances/${instanceId}/deactivate`, {}, eve.headers))
      expect(theft.status).toBe(404)
      expect((await api.get(`/store/portico/license-keys/${keyId}`, client.headers)).data.license_key.activation_usage).toBe(3)
      // The owner deactivates from the portal.
      const mine = await api.post(`/store/portico/license-keys/${keyId}/instances/${instanceId}/deactivate`, {}, client.headers)
      expect(mine.data.license_key.activation_usage).toBe(2)

      // The merchant: keys per order and per customer, search, disable / enable, reset, limit.
      const byOrder = (await api.get(`/admin/portico/license-keys?order_id=${order.id}`, admin)).data
      expect(byOrder.count).toBe(2)
      expect((await api.get(`/admin/portico/license-keys?customer_id=${client.customer_id}`, admin)).data.count).toBe(2)
      expect((await api.get(`/admin/portico/license-keys?q=${key.slice(9, 17)}`, admin)).data.license_keys.map((k: { key: string }) => k.key)).toEqual([key])
      const disabled = await api.post(`/admin/portico/license-keys/${keyId}/changes`, { type: "disable" }, admin)
      expect(disabled.data.license_key).toMatchObject({ status: "disabled", disabled_reason: "merchant" })
      expect((await license("validate", { license_key: key })).data).toMatchObject({ valid: false, code: "license_key_disabled" })
      expect((await license("activate", { license_key: key, instance_name: "Another" })).data.code).toBe("license_key_disabled")
      expect((await api.post(`/admin/portico/license-keys/${keyId}/changes`, { type: "enable" }, admin)).data.license_key.status).toBe("active")
      const reset = await api.post(`/admin/portico/license-keys/${keyId}/changes`, { type: "reset_activations" }, admin)
      expect(reset.data.license_key).toMatchObject({ status: "inactive", activation_usage: 0 })
      expect(reset.data.license_key.instances.every((i: { deactivated_at: string | null }) => i.deactivated_at)).toBe(true)
      const limit = await api.post(`/admin/portico/license-keys/${keyId}/changes`, { type: "set_activation_limit", activation_limit: null }, admin)
      expect(limit.data.license_key.activation_limit).toBeNull()
      const bad = await response(api.post(`/admin/portico/license-keys/${keyId}/changes`, { type: "set_activation_limit", activation_limit: 0 }, admin))
      expect(bad.status).toBe(400)
      expect((await response(api.post(`/admin/portico/license-keys/lkey_nope/changes`, { type: "enable" }, admin))).status).toBe(404)
    })

    it("a full refund disables the purchase's keys; an ended subscription expires its keys", async () => {
      const { client, order } = await buy("bo.refund@example.com", "Desktop app")
      const [key] = (await keysOf(client.headers)).license_keys
      const { data: full } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      const payment = full.order.payment_collections[0].payments[0]
      // A partial refund leaves the key alone.
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 9 }, admin)
      await new Promise((r) => setTimeout(r, 1500))
      expect((await license("validate", { license_key: key.key })).data.valid).toBe(true)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 40 }, admin)
      await eventually(async () => {
        expect((await license("validate", { license_key: key.key })).data).toMatchObject({
          valid: false,
          code: "license_key_disabled",
          license_key: { status: "disabled" },
        })
      })
      expect((await api.get(`/store/portico/license-keys/${key.id}`, client.headers)).data.license_key.disabled_reason).toBe("refunded")

      // A subscription's key expires when the subscription ends.
      const sub = await buy("cy.sub@example.com", "Pro plan")
      const [subKey] = (await keysOf(sub.client.headers)).license_keys
      expect(subKey).toMatchObject({ status: "inactive", subscription_id: expect.stringMatching(/^sub_/), expires_at: null })
      expect((await license("activate", { license_key: subKey.key, instance_name: "Office" })).status).toBe(201)
      await api.post(`/store/portico/subscriptions/${subKey.subscription_id}/changes`, { type: "cancel", at_period_end: false }, sub.client.headers)
      await eventually(async () => {
        expect((await license("validate", { license_key: subKey.key })).data).toMatchObject({
          valid: false,
          code: "license_key_expired",
          license_key: { status: "expired" },
        })
      })
    })

    it("serves the newest version of a service's files to its buyers only, through short-lived links, and records each download", async () => {
      const product = suite.products["Template pack"]
      const added = await api.post(`/admin/portico/services/${product}/files`, upload("templates.zip", "version one"), admin)
      expect(added.status).toBe(201)
      expect(added.data.file).toMatchObject({
        product_id: product,
        title: "templates.zip",
        current_version: { version: 1, filename: "templates.zip", size: 11 },
        download_count: 0,
      })
      const fileId = added.data.file.id as string
      // Bad uploads: a name too long for a header, no file, JSON, a text file claiming to be a PDF. Nothing kept.
      const control = await response(api.post(`/admin/portico/services/${product}/files`, upload(`${"n".repeat(300)}.zip`, "x"), admin))
      expect(control).toMatchObject({ status: 400, data: { code: "invalid_file", errors: [{ field: "file", code: "invalid_filename" }] } })
      const empty = new FormData()
      empty.append("title", "No file")
      expect((await response(api.post(`/admin/portico/services/${product}/files`, empty, admin))).data.errors[0]).toMatchObject({ field: "file", code: "required" })
      const liar = await response(api.post(`/admin/portico/services/${product}/files`, upload("a.pdf", "plain text", "application/pdf"), admin))
      expect(liar.data.errors[0]).toMatchObject({ field: "file", code: "file_type_mismatch" })
      expect((await response(api.post(`/admin/portico/services/${product}/files`, { title: "json" }, admin))).status).toBe(400)
      expect((await response(api.post(`/admin/portico/services/prod_nope/files`, upload("a.zip", "x"), admin))).status).toBe(404)
      expect((await api.get(`/admin/portico/services/${product}/files`, admin)).data.files).toHaveLength(1)
      // A path as a name keeps only its last part (and the stored key is Portico's own either way).
      const traversal = await api.post(`/admin/portico/services/${product}/files`, upload("../../etc/passwd", "x"), admin)
      expect(traversal.data.file.current_version.filename).toBe("passwd")
      await api.delete(`/admin/portico/services/${product}/files/${traversal.data.file.id}`, admin)

      const { client, order } = await buy("di.files@example.com", "Template pack")
      const { data: ents } = await api.get(`/store/portico/entitlements`, client.headers)
      expect(ents.count).toBe(1)
      expect(ents.entitlements[0]).toMatchObject({
        order_id: order.id,
        product_id: product,
        entitled: true,
        access_until: null,
        files: [{ id: fileId, title: "templates.zip", version: 1, filename: "templates.zip", size: 11 }],
        license_keys: [],
      })

      const download = async (headers: unknown) => {
        const { data } = await api.post(`/store/portico/files/${fileId}/download-link`, {}, headers)
        expect(new Date(data.download.expires_at).getTime()).toBeGreaterThan(Date.now())
        const path = new URL(data.download.url).pathname
        return response(api.get(path, { responseType: "text" }))
      }
      const v1 = await download(client.headers)
      expect(v1.status).toBe(200)
      expect(v1.data).toBe("version one")
      expect(v1.headers?.["content-disposition"]).toBe("attachment; filename*=UTF-8''templates.zip")
      expect(v1.headers?.["x-content-type-options"]).toBe("nosniff")

      // The merchant replaces the file: the same link route now serves version 2.
      const replaced = await api.post(`/admin/portico/services/${product}/files/${fileId}/versions`, upload("templates-v2.zip", "version two!"), admin)
      expect(replaced.data.file).toMatchObject({ current_version: { version: 2, filename: "templates-v2.zip" } })
      expect(replaced.data.file.versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
      const v2 = await download(client.headers)
      expect(v2.data).toBe("version two!")
      expect((await api.get(`/store/portico/entitlements`, client.headers)).data.entitlements[0].files[0].version).toBe(2)

      // The record: who downloaded which version, newest first.
      const { data: record } = await api.get(`/admin/portico/services/${product}/files/${fileId}/downloads`, admin)
      expect(record.count).toBe(2)
      expect(record.downloads.map((d: { version: number; email: string; order_id: string }) => [d.version, d.email, d.order_id])).toEqual([
        [2, "di.files@example.com", order.id],
        [1, "di.files@example.com", order.id],
      ])
      expect((await api.get(`/admin/portico/services/${product}/files`, admin)).data.files[0].download_count).toBe(2)

      // A tampered or expired link is refused; someone who did not buy gets a 404.
      const { data: link } = await api.post(`/store/portico/files/${fileId}/download-link`, {}, client.headers)
      const path = new URL(link.download.url).pathname
      const tampered = await response(api.get(path.slice(0, -3) + (path.endsWith("abc") ? "xyz" : "abc")))
      expect(tampered).toMatchObject({ status: 403, data: { code: "download_link_invalid" } })
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const expired = downloadToken(config, { file_id: fileId, customer_id: client.customer_id }, -10)
      expect((await response(api.get(`/portico/downloads/${expired}`))).data.code).toBe("download_link_invalid")
      const eve = await registerClient(api, demo, "eve.files@example.com")
      expect((await response(api.post(`/store/portico/files/${fileId}/download-link`, {}, eve.headers))).status).toBe(404)
      const forged = downloadToken(config, { file_id: fileId, customer_id: eve.customer_id }, 60)
      expect((await response(api.get(`/portico/downloads/${forged}`))).status).toBe(404)
      expect((await api.get(`/store/portico/entitlements`, eve.headers)).data.count).toBe(0)

      // HTML is never served as HTML from the backend's origin.
      const page = await api.post(`/admin/portico/services/${product}/files`, upload("readme.html", "<html><script>alert(1)</script></html>", "text/html"), admin)
      const pageLink = (await api.post(`/store/portico/files/${page.data.file.id}/download-link`, {}, client.headers)).data.download.url
      const served = await api.get(new URL(pageLink).pathname, { responseType: "text" })
      expect(served.headers["content-type"]).toMatch(/^application\/octet-stream/)
      expect(served.headers["content-disposition"]).toMatch(/^attachment/)

      // Removed: gone from the portal, its record kept.
      await api.delete(`/admin/portico/services/${product}/files/${fileId}`, admin)
      expect((await api.get(`/store/portico/entitlements`, client.headers)).data.entitlements[0].files.map((f: { id: string }) => f.id)).toEqual([
        page.data.file.id,
      ])
      expect((await response(api.post(`/store/portico/files/${fileId}/download-link`, {}, client.headers))).status).toBe(404)
      expect((await api.get(`/admin/portico/services/${product}/files/${fileId}/downloads`, admin)).data.count).toBe(2)

      // A subscription's files: while it runs, then until the end of the paid period once canceled at period end.
      const pro = suite.products["Pro plan"]
      const proFile = (await api.post(`/admin/portico/services/${pro}/files`, upload("pro.txt", "pro content", "text/plain"), admin)).data.file
      const sub = await buy("fa.pro@example.com", "Pro plan")
      const [ent] = (await api.get(`/store/portico/entitlements`, sub.client.headers)).data.entitlements
      expect(ent).toMatchObject({ entitled: true, access_until: null, license_keys: [expect.objectContaining({ status: "inactive" })] })
      const { data: subs } = await api.get(`/store/portico/subscriptions`, sub.client.headers)
      await api.post(`/store/portico/subscriptions/${subs.subscriptions[0].id}/changes`, { type: "cancel", at_period_end: true }, sub.client.headers)
      const [ending] = (await api.get(`/store/portico/entitlements`, sub.client.headers)).data.entitlements
      expect(ending).toMatchObject({ entitled: true, access_until: subs.subscriptions[0].current_period_end })
      clock.set(new Date(new Date(subs.subscriptions[0].current_period_end).getTime() + 60_000))
      const after = await response(api.post(`/store/portico/files/${proFile.id}/download-link`, {}, sub.client.headers))
      expect(after).toMatchObject({ status: 400, data: { code: "not_entitled" } })
    })
  },
})
