"use server"

import { portico } from "@lib/config"
import type { Folder as ContractFolder, FolderTreeNode, StoreFolderService } from "medusa-plugin-portico/contracts"
import { isPorticoApiError } from "medusa-plugin-portico/client"

/** A catalog folder with its visible sub-folders (`/store/portico/folders/tree`). */
export type FolderNode = FolderTreeNode
/** A folder as a folder page returns it. */
export type Folder = ContractFolder
/** A service as a folder page lists it, priced in the requested region. */
export type FolderService = StoreFolderService

/**
 * The visible folders as a tree, ordered as the merchant arranged them. An
 * unreachable or older backend yields an empty tree: folder navigation is an
 * addition to the catalog, not a requirement for it.
 */
export async function getFolderTree(): Promise<FolderNode[]> {
  try {
    const { folders } = await portico().store.folders.tree({ cache: "no-store" })
    return folders
  } catch {
    return []
  }
}

/**
 * One page of a folder's services (`idOrHandle`), with prices in `regionId`'s
 * currency; undefined when the folder is hidden or unknown.
 */
export async function listFolderServices(
  idOrHandle: string,
  { regionId, limit = 12, offset = 0 }: { regionId: string; limit?: number; offset?: number }
): Promise<{ folder: Folder; services: FolderService[]; count: number } | undefined> {
  try {
    const { folder, services, count } = await portico().store.folders.services(
      idOrHandle,
      { region_id: regionId, limit, offset },
      { cache: "no-store" }
    )
    return { folder, services, count }
  } catch (e) {
    if (isPorticoApiError(e) && e.status === 404) {
      return undefined
    }
    throw e
  }
}
