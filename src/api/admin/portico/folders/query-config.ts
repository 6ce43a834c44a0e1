import { folderFields } from "../../../shared/folders"

/** `GET /admin/portico/folders`: a page of folders, every folder field allowed. */
export const listFolderQueryConfig = {
  defaults: folderFields,
  allowed: folderFields,
  defaultLimit: 50,
  isList: true,
}

/** `POST /admin/portico/folders`: the created folder, refetched with these fields. */
export const retrieveFolderQueryConfig = {
  defaults: folderFields,
  allowed: folderFields,
  isList: false,
}
