"use server"

import { sdk } from "@lib/config"
import type { ServiceSettings } from "@lib/util/billing"

/** A catalog folder with its visible sub-folders (`/store/portico/folders/tree`). */
export type FolderNode = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  position: number
  is_visible: boolean
  /** Published services directly in this folder (not in its sub-folders). */
  service_count: number
  children: FolderNode[]
}

/** A folder as a folder page returns it. */
export type Folder = Omit<FolderNode, "children" | "service_count">

/** A service as a folder page lists it, priced in the requested region. */
export type FolderService = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  description: string | null
  thumbnail: string | null
  variants: {
    id: string
    title: string | null
    /** Null when the service has no price in the region's currency. */
    calculated_price: { calculated_amount: number | null; currency_code: string | null } | null
  }[]
  service_settings: ServiceSettings | null
}

/**
 * The visible folders as a tree, ordered as the merchant arranged them. An
 * unreachable or older backend yields an empty tree: folder navigation is an
 * addition to the catalog, not a requirement for it.
 */
export async function getFolderTree(): Promise<FolderNode[]> {
  try {
    const { folders } = await sdk().client.fetch<{ folders: FolderNode[] }>("/store/portico/folders/tree", {
      cache: "no-store",
    })
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
    const { folder, services, count } = await sdk().client.fetch<{
      folder: Folder
      services: FolderService[]
      count: number
    }>(`/store/portico/folders/${encodeURIComponent(idOrHandle)}/services`, {
      query: { region_id: regionId, limit, offset },
      cache: "no-store",
    })
    return { folder, services, count }
  } catch (e) {
    if ((e as { status?: unknown })?.status === 404) {
      return undefined
    }
    throw e
  }
}
