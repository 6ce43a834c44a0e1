"use server"

import { sdk } from "@lib/config"

/** A catalog folder (Portico's `/store/portico/folders`). */
export type Folder = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  position: number
}

/**
 * The visible top-level folders. An unreachable or older backend yields an
 * empty list: folder navigation is an addition to the catalog, not a
 * requirement for it.
 */
export async function listFolders(): Promise<Folder[]> {
  try {
    const { folders } = await sdk().client.fetch<{ folders: Folder[] }>("/store/portico/folders", {
      query: { limit: 100 },
      cache: "no-store",
    })
    return folders.filter((f) => !f.parent_id)
  } catch {
    return []
  }
}
