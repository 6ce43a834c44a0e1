import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoInfo } from "../../scripts/seed-demo"
import { PORTICO_INTAKE_MODULE } from "../../src/modules/intake"
import type IntakeModuleService from "../../src/modules/intake/service"
import { PORTICO_INVOICE_MODULE } from "../../src/modules/invoice"
import type InvoiceModuleService from "../../src/modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../src/modules/service-order"
import type ServiceOrderModuleService from "../../src/modules/service-order/service"
import { readMailbox } from "../../src/providers/mailbox/mailbox"
import { sendDueIntakeReminders } from "../../src/workflows/notification/service-order-emails"
import { afterPaymentWorkflow } from "../../src/workflows/service-order/workflows/after-payment"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, eventually, nameFailedRequests, registerClient, response, usAddress } from "../helpers/store"

jest.setTimeout(240_000)

type Headers = ReturnType<typeof storeHeaders>
type SO = { id: string; status: string; title: string; unit_index: number; units: number; line_item_id: string; intake_required: boolean }

/** Every field type, with limits, as the merchant defines them. */
const FIELDS = [
  { key: "company", type: "text", label: "Company", required: true, min_length: 2, max_length: 40 },
  { key: "brief", type: "long_text", label: "Brief", required: true, max_length: 200 },
  { key: "pages", type: "number", label: "Pages", required: true, min: 1, max: 20 },
  { key: "contact", type: "email", label: "Contact email", required: true },
  { key: "site", type: "url", label: "Current site", required: false },
  { key: "launch", type: "date", label: "Launch", required: true, min_date: "2026-01-01", max_date: "2030-12-31" },
  { key: "style", type: "select", label: "Style", required: true, options: ["Minimal", "Bold"] },
  { key: "sections", type: "multi_select", label: "Sections", required: false, options: ["Blog", "Shop", "Team"] },
  { key: "terms", type: "checkbox", label: "I accept the terms", required: true },
  { key: "logo", type: "file", label: "Logo", required: true, accept: [".png", "image/svg+xml"], max_size_mb: 1, max_files: 2 },
]

const GOOD = {
  company: "Acme",
  brief: "A new marketing site.",
  pages: 5,
  contact: "ops@acme.test",
  site: "https://acme.test",
  launch: "2027-03-01",
  style: "Bold",
  sections: ["Blog", "Team"],
  terms: true,
}

/** A multipart intake body: the answers as JSON and the files by field key. */
/**
 * `bytes` bytes that really are of `type` (its signature, then filler), as
 * the server checks a file's content against its claimed type.
 */
function contentOf(type: string, bytes: number): Buffer {
  const signatures: Record<string, Buffer> = {
    "image/png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    "image/gif": Buffer.from("GIF89a"),
    "application/pdf": Buffer.from("%PDF-1.4\n"),
    "image/svg+xml": Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'),
  }
  const head = signatures[type] ?? Buffer.alloc(0)
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 7)]).subarray(0, Math.max(bytes, 0))
}

function intakeForm(answers: Record<string, unknown>, files: { field: string; name: string; type: string; bytes: number; content?: Buffer }[]) {
  const form = new FormData()
  form.append("answers", JSON.stringify(answers))
  for (const f of files) {
    form.append(f.field, new Blob([f.content ?? contentOf(f.type, f.bytes)], { type: f.type }), f.name)
  }
  return form
}

/**
 * After payment: service orders (one per unit, exactly once), intake forms
 * (versioned, validated per field, files), the merchant's status changes with
 * history and refunds, and ownership.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let admin: { headers: Record<string, string> }
    let regionId: string
    const variants: Record<string, string> = {}
    const products: Record<string, string> = {}
    let formId: string
    const events: { name: string; data: Record<string, unknown> }[] = []
    let ada: { headers: Headers; customer_id: string }
    let bob: { headers: Headers; customer_id: string }
    let orderId: string
    let cartId: string
    let invoice: { id: string; number: string }

    const serviceOrdersOf = async (order: string, h: Headers) =>
      (await api.get(`/store/portico/orders/${order}/service-orders`, h)).data.service_orders as SO[]
    const byTitle = (list: SO[], title: string) => list.filter((s) => s.title === title)

    beforeAll(async () => {
      const container = getContainer()
      nameFailedRequests(api)
      demo = await seedDemo(container)
      admin = await adminHeaders(api, demo)
      const {
        result: [region],
      } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "Service orders (no tax)", currency_code: "usd", countries: ["ca"], payment_providers: ["pp_system_default"] }] },
      })
      regionId = region.id
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            ["Site audit", 200],
            ["Website build", 900],
            ["Logo concept", 150],
          ].map(([title, amount]) => ({
            title: title as string,
            handle: String(title).toLowerCase().replace(/ /g, "-"),
            status: ProductStatus.PUBLISHED,
            options: [{ title: "Service", values: ["Default"] }],
            variants: [
              {
                title: "Default",
                manage_inventory: false,
                options: { Service: "Default" },
                prices: [{ amount: amount as number, currency_code: "usd" }],
              },
            ],
            sales_channels: [{ id: demo.sales_channel_id }],
          })),
        },
      })
      for (const p of result) {
        products[p.title] = p.id
        variants[p.title] = p.variants[0].id
      }
      const bus = container.resolve(Modules.EVENT_BUS)
      for (const name of [
        "portico.service_order.created",
        "portico.service_order.status_changed",
        "portico.service_order.canceled",
        "portico.intake.submitted",
      ]) {
        bus.subscribe(name, async (event) => {
          events.push({ name, data: event.data as Record<string, unknown> })
        }, { subscriberId: `so-test-${name}` })
      }
      ada = await registerClient(api, demo, "ada.so@example.com")
      bob = await registerClient(api, demo, "bob.so@example.com")

      // The runner restores the database to its state after this hook before
      // every test: the form, the services' settings and one paid order with
      // its service orders are the starting point of each test.
      const created = await api.post("/admin/portico/intake-forms", { title: "Website brief", fields: FIELDS }, admin)
      formId = created.data.intake_form.id
      await api.post(`/admin/portico/services/${products["Website build"]}/settings`, { intake_form_id: formId }, admin)
      await api.post(`/admin/portico/services/${products["Site audit"]}/settings`, { start_status: "working" }, admin)
      // The client's account has no name; the billing address has the first name emails greet with.
      const { data } = await api.post(
        "/store/carts",
        { region_id: regionId, email: "ada.so@example.com", billing_address: { ...usAddress, first_name: "Adeline" } },
        ada.headers
      )
      cartId = data.cart.id
      for (const [title, quantity] of [["Site audit", 1], ["Website build", 1], ["Logo concept", 2]] as const) {
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variants[title], quantity }, ada.headers)
      }
      const done = await checkout(api, demo, cartId, ada.headers)
      orderId = done.data.order.id
      const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      const service = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
      await eventually(async () => {
        const [inv] = await invoices.listInvoices({ order_id: orderId })
        expect(inv?.status).toBe("paid")
        invoice = inv as unknown as { id: string; number: string }
        expect(await service.listServiceOrders({ order_id: orderId })).toHaveLength(4)
      })
      // Let the subscribers of the events above finish before the snapshot.
      await new Promise((r) => setTimeout(r, 1000))
    })

    it("builds a versioned intake form and refuses bad definitions field by field", async () => {
      const bad = await response(
        api.post(
          "/admin/portico/intake-forms",
          {
            title: "Broken",
            fields: [
              { key: "a", type: "select", label: "Pick", required: true },
              { key: "a", type: "text", label: "Again", required: false, min: 3 },
              { key: "Bad Key", type: "number", label: "", required: false, min: 5, max: 1 },
            ],
          },
          admin
        )
      )
      expect(bad.status).toBe(400)
      expect(bad.data.code).toBe("invalid_request")
      const at = (field: string) => bad.data.errors.find((e: { field: string }) => e.field === field)?.code
      expect(at("fields.0.options")).toBe("required")
      expect(at("fields.1.key")).toBe("duplicate_key")
      expect(at("fields.1.min")).toBe("not_applicable")
      expect(at("fields.2.key")).toBe("invalid_format")
      expect(at("fields.2.label")).toBe("too_small")
      expect(at("fields.2.min")).toBe("invalid_range")
      expect((await api.get("/admin/portico/intake-forms?q=Broken", admin)).data.count).toBe(0)

      const form = (await api.get(`/admin/portico/intake-forms/${formId}`, admin)).data.intake_form
      expect(form).toMatchObject({ title: "Website brief", version: 1, versions: [{ version: 1 }] })
      expect(form.fields).toHaveLength(FIELDS.length)

      // Saving the same fields writes no version; the title changes in place.
      const same = await api.post(`/admin/portico/intake-forms/${formId}`, { title: "Website project brief", fields: FIELDS }, admin)
      expect(same.data.intake_form).toMatchObject({ title: "Website project brief", version: 1 })

      const unknown = await response(
        api.post(`/admin/portico/services/${products["Website build"]}/settings`, { intake_form_id: "iform_nope" }, admin)
      )
      expect(unknown.status).toBe(404)
      expect(unknown.data.errors[0]).toMatchObject({ field: "intake_form_id", code: "not_found" })
      const inUse = await response(api.delete(`/admin/portico/intake-forms/${formId}`, admin))
      expect(inUse.status).toBe(400)
      expect(inUse.data.code).toBe("form_in_use")
      const list = await api.get("/admin/portico/intake-forms", admin)
      expect(list.data.intake_forms.find((f: { id: string }) => f.id === formId)).toMatchObject({ field_count: FIELDS.length })
      expect((await api.get(`/admin/portico/intake-forms/${formId}`, admin)).data.intake_form.services).toEqual([
        { product_id: products["Website build"], title: "Website build" },
      ])
    })

    it("creates one service order per purchased unit once the invoice is paid, exactly once", async () => {
      const list = await serviceOrdersOf(orderId, ada.headers)
      expect(list).toHaveLength(4)
      expect(byTitle(list, "Site audit").map((s) => s.status)).toEqual(["working"])
      expect(byTitle(list, "Website build")).toMatchObject([{ status: "pending", intake_required: true, units: 1 }])
      const logos = byTitle(list, "Logo concept")
      expect(logos.map((s) => [s.status, s.unit_index, s.units])).toEqual([
        ["submitted", 1, 2],
        ["submitted", 2, 2],
      ])
      expect(logos[0].line_item_id).toBe(logos[1].line_item_id)

      // The paid event three more times, and the workflow run three times at once.
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const paid = { id: invoice.id, order_id: orderId, cart_id: cartId, number: invoice.number }
      await Promise.all([1, 2, 3].map(() => bus.emit({ name: "portico.invoice.paid", data: paid })))
      await Promise.all([1, 2, 3].map(() => afterPaymentWorkflow(getContainer()).run({ input: { invoice_id: invoice.id } })))
      await new Promise((r) => setTimeout(r, 1500))
      const service = getContainer().resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
      const rows = await service.listServiceOrders({ order_id: orderId })
      expect(rows).toHaveLength(4)
      expect(await service.listServiceOrderHistories({ service_order_id: rows.map((r) => r.id) })).toHaveLength(4)
      const created = events.filter((e) => e.name === "portico.service_order.created" && e.data.order_id === orderId)
      expect(created).toHaveLength(4)
      expect(created[0].data).toMatchObject({ invoice_id: invoice.id })

      // One payment confirmation, to the client, with the portal link and the intake link filled in.
      const emails = (await readMailbox()).filter((e) => e.idempotency_key === `portico:payment_confirmation:${invoice.id}`)
      expect(emails).toHaveLength(1)
      const [email] = emails
      expect(email).toMatchObject({ to: "ada.so@example.com", template: "payment_confirmation" })
      const website = byTitle(list, "Website build")[0]
      expect(email.html).toContain("http://localhost:8000/portal?email=ada.so%40example.com")
      expect(email.html).toContain(`http://localhost:8000/portal/service-orders/${website.id}`)
      expect(email.html).toContain(invoice.number)
      expect(email.text).toContain("http://localhost:8000/portal?email=ada.so%40example.com")
      expect(email.text).toContain("Hi Adeline,")

      // The client's own list; the admin queue filters by status and service.
      const mine = await api.get("/store/portico/service-orders?limit=10", ada.headers)
      expect(mine.data.count).toBe(4)
      const pending = await api.get(`/admin/portico/service-orders?status=pending&product_id=${products["Website build"]}`, admin)
      expect(pending.data.service_orders).toHaveLength(1)
      expect(pending.data.service_orders[0]).toMatchObject({
        order_id: orderId,
        invoice_number: invoice.number,
        customer: { id: ada.customer_id, email: "ada.so@example.com" },
      })
      const several = await api.get(`/admin/portico/service-orders?status=working,submitted&customer_id=${ada.customer_id}`, admin)
      expect(several.data.count).toBe(3)
      const bad = await response(api.get("/admin/portico/service-orders?status=lost", admin))
      expect(bad.status).toBe(400)
    })

    it("validates an intake submission field by field, stores it once, and keeps its form version", async () => {
      const [website] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Website build")
      const url = `/store/portico/service-orders/${website.id}/intake`
      const detail = (await api.get(`/store/portico/service-orders/${website.id}`, ada.headers)).data.service_order
      expect(detail.intake.form).toMatchObject({ id: formId, version: 1 })
      expect(detail.intake.submission).toBeNull()

      // Every field wrong at once: one error per field, with a stable code.
      const wrong = await response(
        api.post(
          url,
          intakeForm(
            {
              company: "A",
              brief: "x".repeat(201),
              pages: 50,
              contact: "not-an-email",
              site: "javascript:alert(1)",
              launch: "2025-12-31",
              style: "Baroque",
              sections: ["Blog", "Forum"],
              terms: false,
              extra: "?",
            },
            [{ field: "logo", name: "logo.gif", type: "image/gif", bytes: 16 }]
          ),
          ada.headers
        )
      )
      expect(wrong.status).toBe(400)
      expect(wrong.data.code).toBe("invalid_intake")
      const codes = Object.fromEntries(wrong.data.errors.map((e: { field: string; code: string }) => [e.field, e.code]))
      expect(codes).toEqual({
        "answers.company": "too_short",
        "answers.brief": "too_long",
        "answers.pages": "too_big",
        "answers.contact": "invalid_email",
        "answers.site": "invalid_url",
        "answers.launch": "too_small",
        "answers.style": "invalid_option",
        "answers.sections": "invalid_option",
        "answers.terms": "required",
        "answers.extra": "unknown_field",
        "answers.logo": "file_type",
      })
      const more = async (answers: Record<string, unknown>, files: Parameters<typeof intakeForm>[1]) => {
        const res = await response(api.post(url, intakeForm(answers, files), ada.headers))
        expect(res.status).toBe(400)
        return Object.fromEntries(res.data.errors.map((e: { field: string; code: string }) => [e.field, e.code]))
      }
      expect(await more({ ...GOOD, pages: "many", launch: "03/01/2027" }, [])).toEqual({
        "answers.pages": "invalid_number",
        "answers.launch": "invalid_date",
        "answers.logo": "required",
      })
      expect(await more({ ...GOOD, company: "   ", sections: "Blog" }, [{ field: "logo", name: "big.png", type: "image/png", bytes: 1024 * 1024 + 1 }])).toEqual({
        "answers.company": "required",
        "answers.sections": "invalid_type",
        "answers.logo": "file_too_large",
      })
      expect(
        await more(GOOD, [1, 2, 3].map((i) => ({ field: "logo", name: `l${i}.png`, type: "image/png", bytes: 16 })))
      ).toEqual({ "answers.logo": "too_many_files" })
      const notJson = await response(api.post(url, (() => { const f = new FormData(); f.append("answers", "{"); return f })(), ada.headers))
      expect(notJson.data.errors).toEqual([expect.objectContaining({ field: "answers", code: "invalid_json" })])

      // Nothing was stored by the refused submissions.
      const intake = getContainer().resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
      expect(await intake.listIntakeSubmissions({ service_order_id: website.id })).toHaveLength(0)
      expect((await api.get(`/store/portico/service-orders/${website.id}`, ada.headers)).data.service_order.status).toBe("pending")

      // Another client: 404 on every route of this service order and its order.
      for (const res of [
        await response(api.get(`/store/portico/service-orders/${website.id}`, bob.headers)),
        await response(api.post(url, intakeForm(GOOD, []), bob.headers)),
        await response(api.get(`/store/portico/orders/${orderId}/service-orders`, bob.headers)),
        await response(api.get(`/store/portico/service-orders/${website.id}`, storeHeaders(demo))),
      ]) {
        expect(res.status).toBe(404)
      }
      expect((await api.get("/store/portico/service-orders", bob.headers)).data.count).toBe(0)

      // The happy path, with two files.
      const ok = await api.post(
        url,
        intakeForm({ ...GOOD, site: "" }, [
          { field: "logo", name: "logo.png", type: "image/png", bytes: 2048 },
          { field: "logo", name: "mark.svg", type: "image/svg+xml", bytes: 300 },
        ]),
        ada.headers
      )
      expect(ok.status).toBe(200)
      const so = ok.data.service_order
      expect(so.status).toBe("submitted")
      expect(so.intake.submission.answers).toEqual({ ...Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== "site")) })
      expect(so.intake.submission.files.map((f: { filename: string; size: number }) => [f.filename, f.size])).toEqual([
        ["logo.png", 2048],
        ["mark.svg", 300],
      ])
      expect(so.history.map((h: { from_status: string | null; to_status: string }) => [h.from_status, h.to_status])).toEqual([
        [null, "pending"],
        ["pending", "submitted"],
      ])
      const fileId = so.intake.submission.files[0].file_id
      const own = await api.get(`/store/portico/service-orders/${website.id}/files/${fileId}`, { ...ada.headers, responseType: "arraybuffer" })
      expect(Buffer.from(own.data).equals(contentOf("image/png", 2048))).toBe(true)
      expect(own.headers["content-disposition"]).toContain("logo.png")
      expect((await response(api.get(`/store/portico/service-orders/${website.id}/files/${fileId}`, bob.headers))).status).toBe(404)
      expect((await response(api.get(`/store/portico/service-orders/${website.id}/files/file_other`, ada.headers))).status).toBe(404)
      const merchant = await api.get(`/admin/portico/service-orders/${website.id}/files/${fileId}`, { ...admin, responseType: "arraybuffer" })
      expect(Buffer.from(merchant.data).length).toBe(2048)
      expect(events.filter((e) => e.name === "portico.intake.submitted" && e.data.service_order_id === website.id)).toHaveLength(1)
      expect(events.find((e) => e.name === "portico.service_order.status_changed" && e.data.id === website.id)?.data).toMatchObject({
        from: "pending",
        to: "submitted",
        actor_type: "customer",
        actor_id: ada.customer_id,
      })

      // Resubmission is refused once submitted.
      const again = await response(api.post(url, intakeForm(GOOD, [{ field: "logo", name: "l.png", type: "image/png", bytes: 16 }]), ada.headers))
      expect(again.status).toBe(400)
      expect(again.data.code).toBe("intake_not_pending")
      expect(await intake.listIntakeSubmissions({ service_order_id: website.id })).toHaveLength(1)

      // The read-only links join what the routes used to join by hand.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [linked],
      } = await query.graph({
        entity: "service_order",
        fields: ["id", "invoice_id", "order.id", "order_line_item.id", "invoice.id", "customer.email", "intake_submissions.id"],
        filters: { id: website.id },
      })
      expect(linked.order.id).toBe(orderId)
      expect(linked.order_line_item.id).toBe(website.line_item_id)
      expect(linked.invoice.id).toBe(linked.invoice_id)
      expect(linked.customer.email).toBe("ada.so@example.com")
      expect(linked.intake_submissions).toHaveLength(1)
      const {
        data: [submitted],
      } = await query.graph({ entity: "intake_submission", fields: ["service_order.id"], filters: { service_order_id: website.id } })
      expect(submitted.service_order.id).toBe(website.id)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["service_orders.id"], filters: { id: orderId } })
      expect(order.service_orders.map((so: { id: string }) => so.id)).toContain(website.id)
      const {
        data: [invoice],
      } = await query.graph({ entity: "invoice", fields: ["cart_id", "cart.id"], filters: { id: linked.invoice_id } })
      expect(invoice.cart.id).toBe(invoice.cart_id)

      // A service without a form has no intake.
      const [audit] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Site audit")
      const none = await response(api.post(`/store/portico/service-orders/${audit.id}/intake`, { answers: {} }, ada.headers))
      expect(none.data.code).toBe("no_intake_form")

      // Editing the form writes version 2; the submission still reads version 1.
      const edited = await api.post(
        `/admin/portico/intake-forms/${formId}`,
        { fields: [{ key: "company", type: "text", label: "Company name", required: true }] },
        admin
      )
      expect(edited.data.intake_form).toMatchObject({ version: 2, fields: [{ label: "Company name" }] })
      expect(edited.data.intake_form.versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
      const kept = (await api.get(`/admin/portico/service-orders/${website.id}`, admin)).data.service_order
      expect(kept.intake.form).toMatchObject({ version: 1 })
      expect(kept.intake.form.fields).toHaveLength(FIELDS.length)
      expect(kept.intake.submission).toMatchObject({ version: 1, answers: { company: "Acme" } })
    })

    it("stores every upload under its own key, checks what files are, and reads nothing before it knows the caller and the form", async () => {
      const intake = getContainer().resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
      await api.post(
        `/admin/portico/intake-forms/${formId}`,
        {
          fields: [
            { key: "scans", type: "file", label: "Scans", required: true, accept: [".png", ".pdf"], max_size_mb: 1, max_files: 5 },
            { key: "tags", type: "multi_select", label: "Tags", required: false, options: ["a", "b"] },
            { key: "count", type: "number", label: "Count", required: false },
          ],
        },
        admin
      )
      const { data } = await api.post("/store/carts", { region_id: regionId, email: "bob.so@example.com" }, bob.headers)
      await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variants["Website build"], quantity: 1 }, bob.headers)
      const bobOrder = (await checkout(api, demo, data.cart.id, bob.headers)).data.order.id
      const [bobSo] = await eventually(async () => {
        const list = byTitle(await serviceOrdersOf(bobOrder, bob.headers), "Website build")
        expect(list).toHaveLength(1)
        return list
      })
      const [adaSo] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Website build")
      const urlOf = (so: SO) => `/store/portico/service-orders/${so.id}/intake`
      const codes = (res: { data: { errors: { field: string; code: string }[] } }) =>
        Object.fromEntries(res.data.errors.map((e) => [e.field, e.code]))
      const png = (tag: string) => Buffer.concat([contentOf("image/png", 8), Buffer.from(`${tag}-`.repeat(200))])

      // What a file is comes from its content; names are metadata, never with line breaks.
      const html = Buffer.from("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")
      const disguised = await response(
        api.post(urlOf(adaSo), intakeForm({ tags: ["a", "a"], count: "0x3" }, [{ field: "scans", name: "scan.png", type: "image/png", bytes: 0, content: html }]), ada.headers)
      )
      expect(disguised.status).toBe(400)
      expect(codes(disguised)).toEqual({ "answers.scans": "file_type_mismatch", "answers.tags": "duplicate_option", "answers.count": "invalid_number" })
      // Browsers escape line breaks in file names; RFC 5987's filename* carries them as they are.
      const raw = Buffer.concat([
        Buffer.from(
          "--b\r\nContent-Disposition: form-data; name=\"scans\"; filename*=UTF-8''scan%0D%0ASet-Cookie%3A%20x%3D1.png\r\nContent-Type: image/png\r\n\r\n"
        ),
        png("x"),
        Buffer.from("\r\n--b--\r\n"),
      ])
      const crlf = await response(
        api.post(urlOf(adaSo), raw, { headers: { ...ada.headers.headers, "content-type": "multipart/form-data; boundary=b" } })
      )
      expect(codes(crlf)).toEqual({ "answers.scans": "invalid_filename" })
      expect(await intake.listIntakeSubmissions({ service_order_id: adaSo.id })).toHaveLength(0)

      // Two clients upload scan.png at the same moment; one submission holds three image.png.
      const [adaRes, bobRes] = await Promise.all([
        api.post(
          urlOf(adaSo),
          intakeForm({}, [
            { field: "scans", name: "scan.png", type: "image/png", bytes: 0, content: png("ada-scan") },
            ...[1, 2, 3].map((i) => ({ field: "scans", name: "image.png", type: "image/png", bytes: 0, content: png(`ada-image-${i}`) })),
          ]),
          ada.headers
        ),
        api.post(urlOf(bobSo), intakeForm({}, [{ field: "scans", name: "scan.png", type: "image/png", bytes: 0, content: png("bob-scan") }]), bob.headers),
      ])
      const download = async (so: SO, fileId: string, h: Headers) =>
        Buffer.from((await api.get(`/store/portico/service-orders/${so.id}/files/${fileId}`, { ...h, responseType: "arraybuffer" })).data)
      const adaFiles = adaRes.data.service_order.intake.submission.files as { file_id: string; filename: string; mime_type: string }[]
      const bobFiles = bobRes.data.service_order.intake.submission.files as { file_id: string; filename: string }[]
      expect(adaFiles.map((f) => f.filename)).toEqual(["scan.png", "image.png", "image.png", "image.png"])
      expect(new Set([...adaFiles, ...bobFiles].map((f) => f.file_id)).size).toBe(5)
      const expected = ["ada-scan", "ada-image-1", "ada-image-2", "ada-image-3"]
      for (const [i, f] of adaFiles.entries()) {
        expect(f.file_id).not.toContain("image.png")
        expect(f.mime_type).toBe("image/png")
        expect((await download(adaSo, f.file_id, ada.headers)).equals(png(expected[i]))).toBe(true)
      }
      expect((await download(bobSo, bobFiles[0].file_id, bob.headers)).equals(png("bob-scan"))).toBe(true)
      expect((await response(api.get(`/store/portico/service-orders/${bobSo.id}/files/${adaFiles[0].file_id}`, bob.headers))).status).toBe(404)

      // The caller and the order are checked before a byte of the upload is read:
      // an anonymous 30 MB upload to an unknown order, or to a registered
      // client's order, is answered long before it is sent.
      const base = new URL((api as unknown as { defaults: { baseURL: string } }).defaults.baseURL)
      // Sends up to `total` bytes of one file part, a chunk every few
      // milliseconds, and stops sending once the server answers: `sent` is
      // how much the client had sent by then.
      const upload = (path: string, headers: Record<string, string>, total: number, chunked = false) =>
        new Promise<{ status: number; body: { code?: string }; sent: number }>((resolve, reject) => {
          const boundary = "----portico-test"
          const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="scans"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`)
          let sent = 0
          let answered: { status: number; body: { code?: string }; sent: number } | null = null
          const req = http.request(
            {
              host: base.hostname,
              port: base.port,
              path,
              method: "POST",
              headers: {
                ...headers,
                "content-type": `multipart/form-data; boundary=${boundary}`,
                ...(chunked ? {} : { "content-length": String(total + head.length) }),
              },
            },
            (res) => {
              answered = { status: res.statusCode ?? 0, body: {}, sent }
              let text = ""
              res.on("data", (d) => (text += d))
              res.on("close", () => {
                resolve({ ...answered!, body: JSON.parse(text || "{}") })
                req.destroy()
              })
            }
          )
          req.on("error", (e) => (answered ? undefined : reject(e)))
          req.write(head)
          const chunk = Buffer.concat([contentOf("image/png", 8), Buffer.alloc(256 * 1024 - 8, 1)])
          const pump = () => {
            if (answered || req.destroyed) {
              return
            }
            if (sent >= total) {
              req.end()
              return
            }
            sent += chunk.length
            if (req.write(chunk)) {
              setTimeout(pump, 2)
            } else {
              req.once("drain", () => setTimeout(pump, 2))
            }
          }
          pump()
        })
      const publishable = { "x-publishable-api-key": demo.publishable_key }
      const MB = 1024 * 1024
      const unknown = await upload("/store/portico/service-orders/sord_unknown/intake", publishable, 30 * MB)
      expect(unknown.status).toBe(404)
      expect(unknown.sent).toBeLessThan(30 * MB)
      const notYours = await upload(urlOf(bobSo), publishable, 30 * MB)
      expect(notYours.status).toBe(404)
      // The form takes at most 5 × 1 MB: a bigger announced upload is refused at once,
      // a chunked one once it passes what the form allows.
      const [otherAdaSo] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Website build")
      expect(otherAdaSo.status).toBe("submitted")
      const fresh = await api.post("/store/carts", { region_id: regionId, email: "ada.so@example.com" }, ada.headers)
      await api.post(`/store/carts/${fresh.data.cart.id}/line-items`, { variant_id: variants["Website build"], quantity: 1 }, ada.headers)
      const second = (await checkout(api, demo, fresh.data.cart.id, ada.headers)).data.order.id
      const [pendingSo] = await eventually(async () => {
        const list = byTitle(await serviceOrdersOf(second, ada.headers), "Website build")
        expect(list).toHaveLength(1)
        return list
      })
      const auth = Object.fromEntries(Object.entries(ada.headers.headers).map(([k, v]) => [k, String(v)]))
      const announced = await upload(urlOf(pendingSo), auth, 30 * MB)
      expect(announced).toMatchObject({ status: 413, body: { code: "body_too_large" } })
      expect(announced.sent).toBeLessThan(30 * MB)
      const streamed = await upload(urlOf(pendingSo), auth, 30 * MB, true)
      expect(streamed).toMatchObject({ status: 413, body: { code: "body_too_large" } })
      expect(streamed.sent).toBeLessThan(30 * MB)
      // One file over its field's size is refused on the field; nothing is kept.
      const big = await response(
        api.post(urlOf(pendingSo), intakeForm({}, [{ field: "scans", name: "big.png", type: "image/png", bytes: MB + 1 }]), ada.headers)
      )
      expect(codes(big)).toEqual({ "answers.scans": "file_too_large" })
      expect(await intake.listIntakeSubmissions({ service_order_id: pendingSo.id })).toHaveLength(0)
      expect((await api.get(`/store/portico/service-orders/${pendingSo.id}`, ada.headers)).data.service_order.status).toBe("pending")
    })

    it("moves service orders through sensible transitions only, with history, and refunds to credit on cancel", async () => {
      const list = await serviceOrdersOf(orderId, ada.headers)
      const [website] = byTitle(list, "Website build")
      const [logo1, logo2] = byTitle(list, "Logo concept")
      const status = (id: string, body: Record<string, unknown>) =>
        response(api.post(`/admin/portico/service-orders/${id}/status`, body, admin))

      // Pending → working: the merchant starts without waiting for the intake.
      expect((await status(website.id, { status: "working", note: "Kick-off call booked" })).status).toBe(200)
      expect((await status(website.id, { status: "complete" })).data.service_order.completed_at).toBeTruthy()
      const back = await status(website.id, { status: "pending" })
      expect(back.status).toBe(400)
      expect(back.data).toMatchObject({ code: "invalid_transition", from: "complete", to: "pending" })
      expect(back.data.errors[0]).toMatchObject({ field: "status", code: "invalid_transition" })
      const reopened = await status(website.id, { status: "working", note: "Client asked for one more page" })
      expect(reopened.data.service_order).toMatchObject({ status: "working", completed_at: null })
      const history = reopened.data.service_order.history
      expect(history.map((h: { from_status: string | null; to_status: string }) => `${h.from_status}→${h.to_status}`)).toEqual([
        "null→pending",
        "pending→working",
        "working→complete",
        "complete→working",
      ])
      expect(history[0]).toMatchObject({ actor_type: "system", actor_id: null, note: null })
      expect(history[1]).toMatchObject({ actor_type: "user", note: "Kick-off call booked" })
      expect(history[1].actor_id).toMatch(/^user_/)

      // The logo has no form: it cannot be sent back to pending.
      expect((await status(logo1.id, { status: "pending" })).data.code).toBe("invalid_transition")
      // Bad bodies.
      const badBody = await status(logo1.id, { status: "working", refund_amount: 10 })
      expect(badBody.data.errors[0]).toMatchObject({ field: "refund_amount", code: "not_applicable" })
      expect((await status(logo1.id, { status: "done" })).status).toBe(400)
      expect((await status("sord_missing", { status: "working" })).status).toBe(404)

      // Cancel with a refund beyond what was paid: refused, nothing changes.
      const tooMuch = await status(logo1.id, { status: "canceled", refund_amount: 5000 })
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.code).toBe("refund_exceeds_paid")
      const still = (await api.get(`/admin/portico/service-orders/${logo1.id}`, admin)).data.service_order
      expect(still).toMatchObject({ status: "submitted", refund: null })
      expect(still.history).toHaveLength(1)

      // Cancel with 150 back to account credit, once the payment is captured.
      const { data: paidOrder } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${paidOrder.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const canceled = await status(logo1.id, { status: "canceled", note: "Client changed plans", refund_amount: 150 })
      expect(canceled.data.service_order).toMatchObject({
        status: "canceled",
        refund: { amount: 150, currency_code: "usd", method: "credit" },
      })
      const credit = await api.get(`/admin/portico/customers/${ada.customer_id}/credit`, admin)
      expect(credit.data.accounts.find((a: { currency_code: string }) => a.currency_code === "usd").balance).toBe(150)
      expect(events.filter((e) => e.name === "portico.service_order.canceled" && e.data.id === logo1.id).map((e) => e.data)).toEqual([
        { id: logo1.id, order_id: orderId, refund: { amount: 150, method: "credit", currency_code: "usd" } },
      ])
      expect((await status(logo1.id, { status: "working" })).data.code).toBe("invalid_transition")
      // Without a refund, canceling just records it.
      expect((await status(logo2.id, { status: "canceled" })).data.service_order.refund).toBeNull()

      // The client sees the statuses, without the merchant's notes or who.
      const mine = (await api.get(`/store/portico/service-orders/${website.id}`, ada.headers)).data.service_order
      expect(mine.status).toBe("working")
      expect(mine.history[1]).toEqual({ from_status: "pending", to_status: "working", created_at: expect.any(String) })
      // Nor any of the merchant's fields (customer, email, invoice, refund, dates of work).
      const storeKeys = [
        "id", "order_id", "order_display_id", "line_item_id", "unit_index", "units", "product_id",
        "title", "variant_title", "status", "intake_form_id", "intake_required", "created_at", "updated_at",
      ]
      expect(Object.keys(mine).sort()).toEqual([...storeKeys, "history", "intake"].sort())
      const myList = (await api.get(`/store/portico/service-orders?order_id=${orderId}`, ada.headers)).data.service_orders
      expect(myList.length).toBeGreaterThan(0)
      for (const so of myList) {
        expect(Object.keys(so).sort()).toEqual([...storeKeys].sort())
      }
      const queue = await api.get(`/admin/portico/service-orders?status=canceled&order=created_at`, admin)
      expect(queue.data.service_orders.map((s: { id: string }) => s.id).sort()).toEqual([logo1.id, logo2.id].sort())
    })
    it("sends the status email once per change, with the merchant's own subject and body", async () => {
      const [website] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Website build")
      const refused = await response(
        api.post("/admin/portico/email-templates/service_order_status_changed", { subject: "{{service_title}} for {{nobody}}" }, admin)
      )
      expect(refused.status).toBe(400)
      expect(refused.data.errors).toEqual([expect.objectContaining({ field: "subject", code: "unknown_variable" })])
      await api.post(
        "/admin/portico/email-templates/service_order_status_changed",
        { subject: "News about {{service_title}}: {{status}}", body: "Hello {{customer_name}}, {{note}} See {{portal_url}}" },
        admin
      )
      const moved = await api.post(
        `/admin/portico/service-orders/${website.id}/status`,
        { status: "working", note: "We started." },
        admin
      )
      const historyId = moved.data.service_order.history.at(-1).id
      const key = `portico:status_changed:${historyId}`
      const mails = await eventually(async () => {
        const found = (await readMailbox()).filter((e) => e.idempotency_key === key)
        expect(found).toHaveLength(1)
        return found
      })
      expect(mails[0]).toMatchObject({ to: "ada.so@example.com", subject: "News about Website build: In progress" })
      expect(mails[0].text).toContain("We started.")
      expect(mails[0].text).toContain("Hello Adeline,")
      expect(mails[0].text).toContain("http://localhost:8000/portal?email=ada.so%40example.com")
      // The same event again sends nothing more.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "portico.service_order.status_changed", data: { id: website.id, history_id: historyId, from: "pending", to: "working" } })
      await new Promise((r) => setTimeout(r, 1000))
      expect((await readMailbox()).filter((e) => e.idempotency_key === key)).toHaveLength(1)
    })
    it("reminds the client of a pending intake once per period, at most three times, and stops once submitted", async () => {
      const [website] = byTitle(await serviceOrdersOf(orderId, ada.headers), "Website build")
      const reminders = async () =>
        (await readMailbox()).filter((e) => e.idempotency_key?.startsWith(`portico:intake_reminder:${website.id}:`))
      const hours = (h: number) => new Date(Date.now() + h * 3_600_000)

      expect(await sendDueIntakeReminders(getContainer(), { now: hours(1) })).toEqual([])
      const first = await sendDueIntakeReminders(getContainer(), { now: hours(25) })
      expect(first.filter((r) => r.idempotency_key.includes(website.id)).map((r) => r.status)).toEqual(["sent"])
      // The same hour again (another instance, a restart): nothing more.
      await sendDueIntakeReminders(getContainer(), { now: hours(26) })
      expect((await reminders()).map((e) => e.idempotency_key)).toEqual([`portico:intake_reminder:${website.id}:1`])
      const [email] = await reminders()
      expect(email).toMatchObject({ to: "ada.so@example.com", template: "intake_reminder" })
      expect(email.html).toContain(`http://localhost:8000/portal/service-orders/${website.id}`)
      // Days later: the latest due one only, and never more than three.
      await sendDueIntakeReminders(getContainer(), { now: hours(24 * 10) })
      expect((await reminders()).map((e) => (e.idempotency_key ?? "").split(":").pop())).toEqual(["1", "3"])

      // Submitted: no reminder any more.
      await api.post(
        `/store/portico/service-orders/${website.id}/intake`,
        intakeForm(GOOD, [{ field: "logo", name: "logo.png", type: "image/png", bytes: 16 }]),
        ada.headers
      )
      const after = await sendDueIntakeReminders(getContainer(), { now: hours(24 * 20) })
      expect(after.filter((r) => r.idempotency_key.includes(website.id))).toEqual([])
    })
  },
})
