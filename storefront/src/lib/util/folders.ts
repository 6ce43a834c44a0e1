import type { FolderNode } from "@lib/data/folders"

/** Services in a folder and all its sub-folders. */
export function totalServices(folder: FolderNode): number {
  return folder.children.reduce((n, c) => n + totalServices(c), folder.service_count)
}

/**
 * The folders from the top of the tree down to the folder with `handle` (or
 * `id`), that folder last; empty when it is not in the tree (hidden or unknown).
 */
export function folderPath(tree: FolderNode[], match: { handle?: string; id?: string }): FolderNode[] {
  for (const folder of tree) {
    if ((match.handle && folder.handle === match.handle) || (match.id && folder.id === match.id)) {
      return [folder]
    }
    const below = folderPath(folder.children, match)
    if (below.length) {
      return [folder, ...below]
    }
  }
  return []
}

/** The tree as a flat list in display order, each folder with its depth (0 at the top). */
export function flattenTree(tree: FolderNode[], depth = 0): { folder: FolderNode; depth: number }[] {
  return tree.flatMap((folder) => [{ folder, depth }, ...flattenTree(folder.children, depth + 1)])
}
