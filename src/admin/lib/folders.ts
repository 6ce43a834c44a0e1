import { useQuery } from "@tanstack/react-query"
import { portico } from "./api"
import { porticoKeys } from "./query-keys"
import type { FolderNode } from "./types"

/** The whole folder tree (hidden folders included), ordered by position. */
export function useFolderTree() {
  return useQuery({
    queryKey: porticoKeys.folderTree,
    queryFn: () => portico.admin.folders.tree(),
  })
}

/** A folder in depth-first order with its depth and siblings. */
export type FlatFolder = { folder: FolderNode; depth: number; siblings: FolderNode[]; index: number }

/** The tree in display order (parents before their children). */
export function flattenTree(nodes: FolderNode[], depth = 0): FlatFolder[] {
  return nodes.flatMap((folder, index) => [
    { folder, depth, siblings: nodes, index },
    ...flattenTree(folder.children ?? [], depth + 1),
  ])
}

/** The ids of a folder and everything under it (a folder cannot move into these). */
export function subtreeIds(folder: FolderNode): Set<string> {
  const ids = new Set<string>([folder.id])
  for (const child of folder.children ?? []) {
    subtreeIds(child).forEach((id) => ids.add(id))
  }
  return ids
}

/** A folder's name prefixed for a select: nested folders are indented with their depth. */
export function indentedName({ folder, depth }: FlatFolder) {
  return `${"\u00a0\u00a0\u00a0\u00a0".repeat(depth)}${folder.name}`
}
