import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { ServiceFolder } from "./models/folder"
import type { FolderTreeNode } from "./types"
import { ServiceSettings } from "./models/service-settings"

export type { FolderTreeNode }

type FolderRow = Omit<FolderTreeNode, "children" | "service_count">

/**
 * Portico's catalog module: folders of services and per-service settings.
 * Generated CRUD (`createServiceFolders`, `listServiceSettings`, …) comes from
 * `MedusaService`; the domain rules (unique handles, no cycles, no deleting a
 * folder that holds something) are the methods below, called by the catalog
 * workflows' steps.
 */
export default class CatalogModuleService extends MedusaService({
  ServiceFolder,
  ServiceSettings,
}) {
  /**
   * Throws `handle_taken` when another live folder uses `handle`.
   */
  @InjectManager()
  async assertHandleFree(handle: string, exceptId?: string, @MedusaContext() ctx: Context = {}) {
    const [existing] = await this.listServiceFolders({ handle }, { take: 1 }, ctx)
    if (existing && existing.id !== exceptId) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.HANDLE_TAKEN,
        `A folder with the handle "${handle}" already exists.`,
        { field: "handle" }
      )
    }
  }

  /**
   * Runs a folder write, turning the database's unique-handle violation (two
   * requests racing for one handle, both past {@link assertHandleFree}) into
   * the same `handle_taken` error.
   */
  async withUniqueHandle<T>(handle: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write()
    } catch (e) {
      if (handle && /handle.*already exists/i.test((e as Error).message ?? "")) {
        throw new PorticoError(
          MedusaError.Types.INVALID_DATA,
          PorticoErrorCode.HANDLE_TAKEN,
          `A folder with the handle "${handle}" already exists.`,
          { field: "handle" }
        )
      }
      throw e
    }
  }

  /**
   * Checks that `parentId` exists and that putting `folderId` under it does not
   * make a cycle (a folder inside itself or inside one of its descendants).
   */
  @InjectManager()
  async assertPlacement(
    folderId: string | null,
    parentId: string | null | undefined,
    @MedusaContext() ctx: Context = {}
  ) {
    if (!parentId) {
      return
    }
    const [parent] = await this.listServiceFolders({ id: parentId }, { take: 1 }, ctx)
    if (!parent) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Parent folder ${parentId} was not found.`,
        { field: "parent_id" }
      )
    }
    if (!folderId) {
      return
    }
    const all = await this.listServiceFolders({}, { select: ["id", "parent_id"] }, ctx)
    const parentOf = new Map(all.map((f) => [f.id, f.parent_id]))
    let cursor: string | null | undefined = parentId
    const seen = new Set<string>()
    while (cursor && !seen.has(cursor)) {
      if (cursor === folderId) {
        throw new PorticoError(
          MedusaError.Types.INVALID_DATA,
          PorticoErrorCode.FOLDER_CYCLE,
          "A folder cannot be moved into itself or into one of its sub-folders.",
          { field: "parent_id" }
        )
      }
      seen.add(cursor)
      cursor = parentOf.get(cursor)
    }
  }

  /**
   * Throws `folder_not_empty` if any of the folders still holds services or
   * sub-folders: deleting never orphans anything.
   */
  @InjectManager()
  async assertDeletable(ids: string[], @MedusaContext() ctx: Context = {}) {
    const [children, services] = await Promise.all([
      this.listServiceFolders({ parent_id: ids }, { take: 1 }, ctx),
      this.listServiceSettings({ folder_id: ids }, { take: 1 }, ctx),
    ])
    if (children.length || services.length) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.FOLDER_NOT_EMPTY,
        children.length
          ? "This folder has sub-folders. Move or delete them first."
          : "This folder holds services. Move them to another folder first.",
        { field: "id" }
      )
    }
  }

  /**
   * Ids of the folders a client may see: visible, with every ancestor
   * visible too (a visible folder under a hidden one stays hidden).
   */
  @InjectManager()
  async visibleFolderIds(@MedusaContext() ctx: Context = {}): Promise<Set<string>> {
    const folders = (await this.listServiceFolders(
      {},
      { select: ["id", "parent_id", "is_visible"] },
      ctx
    )) as Pick<FolderRow, "id" | "parent_id" | "is_visible">[]
    const byId = new Map(folders.map((f) => [f.id, f]))
    const known = new Map<string, boolean>()
    const visible = (id: string): boolean => {
      const path: string[] = []
      let cursor: string | null = id
      let result = true
      // Walk up iteratively (a folder chain can be deep); cycles are refused on write.
      while (cursor) {
        const cached = known.get(cursor)
        if (cached !== undefined) {
          result = cached
          break
        }
        const f = byId.get(cursor)
        if (!f || !f.is_visible || path.includes(cursor)) {
          result = false
          break
        }
        path.push(cursor)
        cursor = f.parent_id
      }
      for (const p of path) {
        known.set(p, result)
      }
      return result
    }
    return new Set(folders.filter((f) => visible(f.id)).map((f) => f.id))
  }

  /**
   * The folder tree, ordered by position at every level, each node with the
   * number of services directly in it (`countServices` decides which services
   * count, e.g. only published ones in the store). `visibleOnly` drops hidden
   * folders and everything under them.
   */
  @InjectManager()
  async folderTree(
    options: { visibleOnly?: boolean; serviceCounts?: Map<string, number> } = {},
    @MedusaContext() ctx: Context = {}
  ): Promise<FolderTreeNode[]> {
    const folders = (await this.listServiceFolders(
      options.visibleOnly ? { is_visible: true } : {},
      {
        order: { position: "ASC", name: "ASC" },
        select: ["id", "name", "handle", "description", "parent_id", "position", "is_visible"],
      },
      ctx
    )) as FolderRow[]
    let counts = options.serviceCounts
    if (!counts) {
      const settings = await this.listServiceSettings(
        { folder_id: folders.map((f) => f.id) },
        { select: ["id", "folder_id"] },
        ctx
      )
      counts = new Map()
      for (const s of settings as { folder_id: string | null }[]) {
        if (s.folder_id) {
          counts.set(s.folder_id, (counts.get(s.folder_id) ?? 0) + 1)
        }
      }
    }
    const nodes = new Map<string, FolderTreeNode>(
      folders.map((f) => [f.id, { ...f, service_count: counts!.get(f.id) ?? 0, children: [] }])
    )
    const roots: FolderTreeNode[] = []
    for (const node of nodes.values()) {
      if (!node.parent_id) {
        roots.push(node)
      } else {
        // A child of a hidden (absent) folder is hidden too.
        nodes.get(node.parent_id)?.children.push(node)
      }
    }
    return roots
  }
}
