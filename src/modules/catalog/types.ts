/*
 * Shapes of the catalog as its routes return them. No imports: the admin
 * extension imports these types too.
 */

/** A folder in the tree, with its children and the number of services directly in it. */
export type FolderTreeNode = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  position: number
  is_visible: boolean
  service_count: number
  children: FolderTreeNode[]
}
