import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTICO_CATALOG_MODULE } from ".."
import type CatalogModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<CatalogModuleService>({
  moduleName: PORTICO_CATALOG_MODULE,
  resolve: "./src/modules/catalog",
  testSuite: ({ service }) => {
    it("stores folders, nests them and lists them by position", async () => {
      const [design, marketing] = await service.createServiceFolders([
        { name: "Design", handle: "design", position: 1 },
        { name: "Marketing", handle: "marketing", position: 0, is_visible: false },
      ])
      expect(design.id).toMatch(/^sfold_/)
      expect(design.is_visible).toBe(true)

      const logos = await service.createServiceFolders({
        name: "Logos",
        handle: "logos",
        parent_id: design.id,
      })
      expect(logos.parent_id).toBe(design.id)
      expect(logos.position).toBe(0)

      const [top, count] = await service.listAndCountServiceFolders(
        { parent_id: null },
        { order: { position: "ASC" } }
      )
      expect(count).toBe(2)
      expect(top.map((f) => f.handle)).toEqual(["marketing", "design"])

      const visible = await service.listServiceFolders({ is_visible: true, parent_id: null })
      expect(visible.map((f) => f.id)).toEqual([design.id])
      expect(marketing.is_visible).toBe(false)
    })

    it("refuses a second live folder with the same handle, and frees the handle on delete", async () => {
      const first = await service.createServiceFolders({ name: "Design", handle: "design" })
      await expect(
        service.createServiceFolders({ name: "Design again", handle: "design" })
      ).rejects.toThrow(/already exists/)
      // The database's refusal (what a request that raced past assertHandleFree
      // meets) becomes the stable code.
      await expect(
        service.withUniqueHandle("design", () => service.createServiceFolders({ name: "Again", handle: "design" }))
      ).rejects.toMatchObject({ code: "handle_taken", field: "handle" })
      expect(await service.listServiceFolders({ handle: "design" })).toHaveLength(1)

      await service.softDeleteServiceFolders(first.id)
      const second = await service.createServiceFolders({ name: "Design v2", handle: "design" })
      expect(second.id).not.toBe(first.id)
    })
  },
})
