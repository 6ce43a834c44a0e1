import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/** Query of `GET /admin/portico/folders` and `GET /store/portico/folders`. */
export const FolderListParams = createFindParams({ limit: 50, offset: 0, order: "position" }).extend({
  parent_id: z.string().nullable().optional(),
  handle: z.string().optional(),
})
export type FolderListParamsType = z.infer<typeof FolderListParams>

const handle = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "handle must be lowercase letters and digits separated by single dashes")

/** Body of `POST /admin/portico/folders`. */
export const CreateFolderBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    handle,
    description: z.string().max(5000).nullable().optional(),
    parent_id: z.string().nullable().optional(),
    position: z.number().int().min(0).optional(),
    is_visible: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
export type CreateFolderBodyType = z.infer<typeof CreateFolderBody>

/** Body of `POST /admin/portico/folders/:id`: any folder field, all optional. */
export const UpdateFolderBody = CreateFolderBody.partial().strict()
export type UpdateFolderBodyType = z.infer<typeof UpdateFolderBody>

/** Body of `POST /admin/portico/folders/tree/order`: every folder of one parent, in the new order. */
export const ReorderFoldersBody = z
  .object({
    parent_id: z.string().nullable(),
    ids: z.array(z.string().min(1)).min(1),
  })
  .strict()
export type ReorderFoldersBodyType = z.infer<typeof ReorderFoldersBody>

/** Body of `POST /admin/portico/folders/:id/services`: services (product ids) to put in or take out. */
export const FolderServicesBody = z
  .object({
    add: z.array(z.string().min(1)).optional(),
    remove: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, {
    message: "Give at least one service to add or remove",
    path: ["add"],
  })
export type FolderServicesBodyType = z.infer<typeof FolderServicesBody>

/** Query of `GET /store/portico/folders/:id/services`. */
export const FolderServicesParams = createFindParams({ limit: 20, offset: 0 }).extend({
  region_id: z.string().optional(),
})
export type FolderServicesParamsType = z.infer<typeof FolderServicesParams>
