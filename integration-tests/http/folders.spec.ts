import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"

jest.setTimeout(120_000)

/** Portico's folder routes: the seed of the catalog (issue: catalog folders). */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
    })

    it("lists the visible folders in the store, ordered by position", async () => {
      const admin = await adminHeaders(api, demo)
      await api.post("/admin/portico/folders", { name: "Hidden", handle: "hidden", is_visible: false }, admin)

      const { data } = await api.get("/store/portico/folders", storeHeaders(demo))
      expect(data.folders.map((f: { handle: string }) => f.handle)).toEqual(["design", "marketing", "consulting"])
      expect(data.count).toBe(3)

      const all = await api.get("/admin/portico/folders", admin)
      expect(all.data.count).toBe(4)
    })

    it("creates a folder in the admin and returns it", async () => {
      const admin = await adminHeaders(api, demo)
      const { data, status } = await api.post(
        "/admin/portico/folders",
        { name: "Video", handle: "video", description: "Editing and motion", position: 5 },
        admin
      )
      expect(status).toBe(201)
      expect(data.folder).toMatchObject({ name: "Video", handle: "video", position: 5, is_visible: true })
    })

    it("rejects bad folder payloads with field detail and writes nothing", async () => {
      const admin = await adminHeaders(api, demo)
      const bad = await api
        .post("/admin/portico/folders", { name: "", handle: "Not A Handle" }, admin)
        .catch((e: { response: unknown }) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data).toMatchObject({ type: "invalid_data", code: "invalid_request" })
      expect(bad.data.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ["name", "too_small"],
        ["handle", "invalid_format"],
      ])

      const dup = await api
        .post("/admin/portico/folders", { name: "Design 2", handle: "design" }, admin)
        .catch((e: { response: unknown }) => e.response)
      expect(dup.status).toBe(400)
      expect(dup.data.message).toMatch(/already exists/)

      const { data } = await api.get("/admin/portico/folders", admin)
      expect(data.count).toBe(3)
    })

    it("requires an admin session", async () => {
      const res = await api
        .post("/admin/portico/folders", { name: "X", handle: "x" })
        .catch((e: { response: unknown }) => e.response)
      expect(res.status).toBe(401)
    })
  },
})
