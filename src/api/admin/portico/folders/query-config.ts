/** Fields a folder is returned with, on both the admin and store APIs. */
export const folderFields = [
  "id",
  "name",
  "handle",
  "description",
  "parent_id",
  "position",
  "is_visible",
  "created_at",
  "updated_at",
]

export const listFolderQueryConfig = {
  defaults: folderFields,
  allowed: folderFields,
  defaultLimit: 50,
  isList: true,
}

export const retrieveFolderQueryConfig = {
  defaults: folderFields,
  allowed: folderFields,
  isList: false,
}
