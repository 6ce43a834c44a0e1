import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { response } from "../helpers/store"

jest.setTimeout(120_000)

type Folder = { id: string; handle: string; position: number; parent_id: string | null; service_count: number; children: Folder[] }

/** Catalog: folders (CRUD, tree, nesting, order, visibility), services in folders, service settings. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      admin = await adminHeaders(api, demo)
    })

    const tree = async (scope: "admin" | "store") =>
      (await api.get(`/${scope}/portico/folders/tree`, scope === "admin" ? admin : storeHeaders(demo))).data
        .folders as Folder[]
    const handles = (folders: Folder[]): unknown =>
      folders.map((f) => (f.children.length ? [f.handle, handles(f.children)] : f.handle))

    it("seeds the demo services into folders and serves the visible tree with service counts", async () => {
      const store = await tree("store")
      expect(handles(store)).toEqual(["design", "marketing", "consulting"])
      expect(store.map((f) => f.service_count)).toEqual([2, 3, 2])

      const { data } = await api.get("/store/portico/folders?handle=marketing", storeHeaders(demo))
      expect(data.folders).toHaveLength(1)
    })

    it("creates, renames, nests, moves, reorders, hides and deletes folders", async () => {
      const create = (body: Record<string, unknown>) => api.post("/admin/portico/folders", body, admin)
      const video = (await create({ name: "Video", handle: "video" })).data.folder
      const shorts = (await create({ name: "Shorts", handle: "shorts", parent_id: video.id })).data.folder
      expect(shorts.parent_id).toBe(video.id)

      // Rename + hide
      const renamed = await api.post(`/admin/portico/folders/${video.id}`, { name: "Video & motion", is_visible: false }, admin)
      expect(renamed.data.folder).toMatchObject({ name: "Video & motion", is_visible: false, handle: "video" })
      // Hidden folders and everything under them are gone from the store, not from the admin.
      expect(handles(await tree("store"))).toEqual(["design", "marketing", "consulting"])
      expect(handles(await tree("admin"))).toContainEqual(["video", ["shorts"]])
      expect((await response(api.get("/store/portico/folders/shorts/services", storeHeaders(demo)))).status).toBe(404)

      // New folders go last; "shorts" moved to the top level goes after its new siblings.
      expect(video.position).toBe(3)
      expect(shorts.position).toBe(0)
      const moved = await api.post(`/admin/portico/folders/${shorts.id}`, { parent_id: null }, admin)
      expect(moved.data.folder).toMatchObject({ parent_id: null, position: 4 })

      // Reorder the top level.
      const top = (await tree("admin")).map((f) => f.id)
      const reversed = [...top].reverse()
      await api.post("/admin/portico/folders/tree/order", { parent_id: null, ids: reversed }, admin)
      expect((await tree("admin")).map((f) => f.id)).toEqual(reversed)
      const partial = await response(api.post("/admin/portico/folders/tree/order", { parent_id: null, ids: reversed.slice(1) }, admin))
      expect(partial.status).toBe(400)
      expect(partial.data).toMatchObject({ code: "invalid_order", errors: [{ field: "ids", code: "invalid_order" }] })
      await api.post("/admin/portico/folders/tree/order", { parent_id: null, ids: top }, admin)

      // Delete the empty ones.
      const deleted = await api.delete(`/admin/portico/folders/${shorts.id}`, admin)
      expect(deleted.data).toEqual({ id: shorts.id, object: "service_folder", deleted: true })
      await api.delete(`/admin/portico/folders/${video.id}`, admin)
      expect(handles(await tree("admin"))).toEqual(["design", "marketing", "consulting"])
      // The handle is free again.
      expect((await create({ name: "Video", handle: "video" })).status).toBe(201)
    })

    it("refuses cycles, duplicate handles, unknown ids and deleting a folder that holds something; nothing changes", async () => {
      const { data: before } = await api.get("/admin/portico/folders/tree", admin)
      const [design, marketing] = before.folders as Folder[]
      const child = (await api.post("/admin/portico/folders", { name: "Logos", handle: "logos", parent_id: design.id }, admin)).data.folder

      const intoItself = await response(api.post(`/admin/portico/folders/${design.id}`, { parent_id: design.id }, admin))
      expect(intoItself.status).toBe(400)
      expect(intoItself.data).toMatchObject({ code: "folder_cycle", errors: [{ field: "parent_id", code: "folder_cycle" }] })
      const intoChild = await response(api.post(`/admin/portico/folders/${design.id}`, { parent_id: child.id }, admin))
      expect(intoChild.data.code).toBe("folder_cycle")

      const dup = await response(api.post(`/admin/portico/folders/${marketing.id}`, { handle: "design", name: "Renamed" }, admin))
      expect(dup.status).toBe(400)
      expect(dup.data).toMatchObject({ code: "handle_taken", errors: [{ field: "handle", code: "handle_taken" }] })
      const dupCreate = await response(api.post("/admin/portico/folders", { name: "Design 2", handle: "design" }, admin))
      expect(dupCreate.data).toMatchObject({ code: "handle_taken", errors: [{ field: "handle" }] })
      // Two requests racing for one new handle: one folder, one handle_taken.
      const race = await Promise.all(
        [1, 2, 3].map((n) => response(api.post("/admin/portico/folders", { name: `Race ${n}`, handle: "race" }, admin)))
      )
      expect(race.map((r) => r.status).sort()).toEqual([201, 400, 400])
      expect(race.filter((r) => r.status === 400).every((r) => r.data.code === "handle_taken")).toBe(true)
      await api.delete(`/admin/portico/folders/${race.find((r) => r.status === 201)!.data.folder.id}`, admin)

      const empty = await response(api.post(`/admin/portico/folders/${marketing.id}`, { name: "" }, admin))
      expect(empty.status).toBe(400)
      expect(empty.data.errors).toEqual([expect.objectContaining({ field: "name", code: "too_small" })])

      expect((await response(api.post("/admin/portico/folders/sfold_nope", { name: "X" }, admin))).status).toBe(404)
      const unknownFolder = await response(api.get("/admin/portico/folders/sfold_nope", admin))
      expect(unknownFolder.status).toBe(404)
      expect(unknownFolder.data.code).toBe("not_found")
      expect((await response(api.delete("/admin/portico/folders/sfold_nope", admin))).status).toBe(404)
      const badParent = await response(api.post("/admin/portico/folders", { name: "X", handle: "x", parent_id: "sfold_nope" }, admin))
      expect(badParent.status).toBe(404)
      expect(badParent.data.errors).toEqual([expect.objectContaining({ field: "parent_id" })])

      const withServices = await response(api.delete(`/admin/portico/folders/${marketing.id}`, admin))
      expect(withServices.status).toBe(400)
      expect(withServices.data).toMatchObject({ code: "folder_not_empty" })
      const withChild = await response(api.delete(`/admin/portico/folders/${design.id}`, admin))
      expect(withChild.data.code).toBe("folder_not_empty")

      // Nothing half-written: marketing kept its name and handle, design its parent.
      const after = await api.get(`/admin/portico/folders/${marketing.id}`, admin)
      expect(after.data.folder).toMatchObject({ name: "Marketing", handle: "marketing", parent_id: null })
      expect(after.data.folder.services).toHaveLength(3)
      expect((await api.get(`/admin/portico/folders/${design.id}`, admin)).data.folder.parent_id).toBeNull()
      await api.delete(`/admin/portico/folders/${child.id}`, admin)
    })

    it("puts services into folders and serves a folder's services with prices in the region, paginated", async () => {
      const { data } = await api.get("/admin/portico/folders/tree", admin)
      const [design, marketing] = data.folders as Folder[]
      const moved = await api.post(`/admin/portico/folders/${design.id}/services`, { add: [demo.service_ids["copywriting"]] }, admin)
      expect(moved.data.folder.services.map((s: { handle: string }) => s.handle)).toEqual(["logo-design", "icon-set", "copywriting"])
      expect((await api.get(`/admin/portico/folders/${marketing.id}`, admin)).data.folder.services).toHaveLength(2)

      const unknown = await response(api.post(`/admin/portico/folders/${design.id}/services`, { add: ["prod_nope"] }, admin))
      expect(unknown.status).toBe(404)
      expect(unknown.data).toMatchObject({ code: "not_found", errors: [{ field: "product_id" }] })

      const page1 = await api.get(`/store/portico/folders/design/services?region_id=${demo.region_ids.eur}&limit=1`, storeHeaders(demo))
      expect(page1.data).toMatchObject({ count: 3, offset: 0, limit: 1, folder: { handle: "design" } })
      expect(page1.data.services).toHaveLength(1)
      expect(page1.data.services[0].handle).toBe("logo-design")
      expect(page1.data.services[0].variants.map((v: any) => v.calculated_price.calculated_amount).sort()).toEqual([280, 560])
      expect(page1.data.services[0].variants[0].calculated_price.currency_code).toBe("eur")
      const page2 = await api.get(`/store/portico/folders/design/services?region_id=${demo.region_ids.eur}&limit=1&offset=2`, storeHeaders(demo))
      expect(page2.data.services.map((s: { handle: string }) => s.handle)).toEqual(["copywriting"])
      expect(page2.data.services[0].variants[0].calculated_price.calculated_amount).toBe(110)

      // The EUR-only workshop has no price in USD: the store says so with null.
      const consulting = await api.get(`/store/portico/folders/consulting/services?region_id=${demo.region_ids.usd}`, storeHeaders(demo))
      const workshop = consulting.data.services.find((s: { handle: string }) => s.handle === "brand-workshop-eu")
      expect(workshop.variants[0].calculated_price).toBeNull()

      await api.post(`/admin/portico/folders/${design.id}/services`, { remove: [demo.service_ids["copywriting"]] }, admin)
      await api.post(`/admin/portico/folders/${marketing.id}/services`, { add: [demo.service_ids["copywriting"]] }, admin)
    })

    it("stores service settings, validates them, and shows them with the product in the store", async () => {
      const id = demo.service_ids["website-audit"]
      const defaults = await api.get(`/admin/portico/services/${id}/settings`, admin)
      expect(defaults.data.service_settings).toMatchObject({ billing_type: "one_time", start_status: "submitted" })

      const bad = await response(api.post(`/admin/portico/services/${id}/settings`, { billing_type: "recurring" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data).toMatchObject({ code: "invalid_billing", errors: [{ field: "interval" }] })
      const badType = await response(api.post(`/admin/portico/services/${id}/settings`, { interval_count: 0, start_status: "done" }, admin))
      expect(badType.data.errors.map((e: { field: string }) => e.field).sort()).toEqual(["interval_count", "start_status"])
      expect((await response(api.post(`/admin/portico/services/prod_nope/settings`, { files_enabled: true }, admin))).status).toBe(404)

      const saved = await api.post(
        `/admin/portico/services/${id}/settings`,
        { billing_type: "recurring", interval: "month", interval_count: 3, billing_cycles: 4, start_status: "working", files_enabled: true },
        admin
      )
      expect(saved.data.service_settings).toMatchObject({
        billing_type: "recurring",
        interval: "month",
        interval_count: 3,
        billing_cycles: 4,
        start_status: "working",
        files_enabled: true,
        license_keys_enabled: false,
      })

      const { data } = await api.get(`/store/products/${id}?fields=+service_settings.*`, storeHeaders(demo))
      expect(data.product.service_settings).toMatchObject({ billing_type: "recurring", interval: "month", interval_count: 3 })

      // Back to one-time clears the recurring fields.
      const oneTime = await api.post(`/admin/portico/services/${id}/settings`, { billing_type: "one_time" }, admin)
      expect(oneTime.data.service_settings).toMatchObject({ billing_type: "one_time", interval: null, interval_count: 1, billing_cycles: null })

      // An interval, interval count or billing cycles on a one-time service is refused field by field, nothing saved.
      const notApplicable = await response(
        api.post(`/admin/portico/services/${id}/settings`, { billing_type: "one_time", interval: "month", interval_count: 2, billing_cycles: 3, turnaround: "x" }, admin)
      )
      expect(notApplicable.status).toBe(400)
      expect(notApplicable.data.code).toBe("invalid_request")
      expect(notApplicable.data.errors).toEqual(
        expect.arrayContaining(
          ["interval", "interval_count", "billing_cycles"].map((field) => expect.objectContaining({ field, code: "not_applicable" }))
        )
      )
      // The same when the service is already one-time and the body only sends an interval.
      const storedOneTime = await response(api.post(`/admin/portico/services/${id}/settings`, { interval: "week" }, admin))
      expect(storedOneTime.status).toBe(400)
      expect(storedOneTime.data).toMatchObject({ code: "not_applicable", errors: [{ field: "interval", code: "not_applicable" }] })
      const unchanged = await api.get(`/admin/portico/services/${id}/settings`, admin)
      // The seeded page text is still there: the refused body (it had a turnaround) wrote nothing.
      expect(unchanged.data.service_settings).toMatchObject({ billing_type: "one_time", interval: null, interval_count: 1, turnaround: "Report in 7 business days" })

      // What the service page shows: bounded, trimmed texts; empty means none. The store sees them.
      const tooLong = await response(
        api.post(`/admin/portico/services/${id}/settings`, { included: "x".repeat(2001), turnaround: "y".repeat(121), next_steps: "z".repeat(1001) }, admin)
      )
      expect(tooLong.status).toBe(400)
      expect(tooLong.data.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
        "included:too_big",
        "next_steps:too_big",
        "turnaround:too_big",
      ])
      const page = await api.post(
        `/admin/portico/services/${id}/settings`,
        { included: "Speed review\nSEO check", turnaround: "  7 business days ", next_steps: "" },
        admin
      )
      expect(page.data.service_settings).toMatchObject({ included: "Speed review\nSEO check", turnaround: "7 business days", next_steps: null })
      const stored = await api.get(`/store/products/${id}?fields=+service_settings.*`, storeHeaders(demo))
      expect(stored.data.product.service_settings).toMatchObject({ included: "Speed review\nSEO check", turnaround: "7 business days" })
    })

    it("forgets a deleted service, so its folder empties and can be deleted", async () => {
      const folder = (await api.post("/admin/portico/folders", { name: "Temp", handle: "temp" }, admin)).data.folder
      const { data } = await api.post(
        "/admin/products",
        { title: "Temporary service", status: "published", options: [{ title: "Service", values: ["Default"] }] },
        admin
      )
      await api.post(`/admin/portico/folders/${folder.id}/services`, { add: [data.product.id] }, admin)
      expect((await response(api.delete(`/admin/portico/folders/${folder.id}`, admin))).data.code).toBe("folder_not_empty")
      await api.delete(`/admin/products/${data.product.id}`, admin)
      const until = Date.now() + 10_000
      let res = await response(api.delete(`/admin/portico/folders/${folder.id}`, admin))
      while (res.status !== 200 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100))
        res = await response(api.delete(`/admin/portico/folders/${folder.id}`, admin))
      }
      expect(res.data.deleted).toBe(true)
    })

    it("requires an admin session", async () => {
      const res = await response(api.post("/admin/portico/folders", { name: "X", handle: "x" }))
      expect(res.status).toBe(401)
      expect((await response(api.get("/admin/portico/invoices"))).status).toBe(401)
    })
  },
})
