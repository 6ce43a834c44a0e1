import { folderFields } from "../../../shared/folders"

/** `GET /store/portico/folders`: a page of visible folders, every folder field allowed. */
export const listFolderQueryConfig = {
  defaults: folderFields,
  allowed: folderFields,
  defaultLimit: 50,
  isList: true,
}

/** `GET /store/portico/folders/:id/services`: the page is cut by the route (services are ordered by folder position). */
export const folderServicesQueryConfig = {
  defaults: ["id"],
  isList: true,
  defaultLimit: 20,
}

/** Fields of each service in a folder page (`GET /store/portico/folders/:id/services`). */
export const folderServiceFields = [
  "id",
  "title",
  "subtitle",
  "handle",
  "description",
  "thumbnail",
  "variants.id",
  "variants.title",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.currency_code",
  "service_settings.billing_type",
  "service_settings.interval",
  "service_settings.interval_count",
  "service_settings.billing_cycles",
]
