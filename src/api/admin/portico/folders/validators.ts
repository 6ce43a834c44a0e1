import { z } from "@medusajs/framework/zod"
import { MAX_INT32 } from "../../../utils/validate-query"
import { Id, Metadata } from "../../../utils/body-primitives"

export { FolderListParams, type FolderListParamsType } from "../../../shared/folders"

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
    parent_id: Id.nullable().optional(),
    position: z.number().int().min(0).max(MAX_INT32).optional(),
    is_visible: z.boolean().optional(),
    metadata: Metadata.nullable().optional(),
  })
  .strict()
export type CreateFolderBodyType = z.infer<typeof CreateFolderBody>

/** Body of `POST /admin/portico/folders/:id`: any folder field, all optional. */
export const UpdateFolderBody = CreateFolderBody.partial().strict()
export type UpdateFolderBodyType = z.infer<typeof UpdateFolderBody>

/** Body of `POST /admin/portico/folders/tree/order`: every folder of one parent, in the new order. */
export const ReorderFoldersBody = z
  .object({
    parent_id: Id.nullable(),
    ids: z.array(Id).min(1).max(1000),
  })
  .strict()
export type ReorderFoldersBodyType = z.infer<typeof ReorderFoldersBody>

/** Body of `POST /admin/portico/folders/:id/services`: services (product ids) to put in or take out. */
export const FolderServicesBody = z
  .object({
    add: z.array(Id).max(500).optional(),
    remove: z.array(Id).max(500).optional(),
  })
  .strict()
  .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, {
    message: "Give at least one service to add or remove",
    path: ["add"],
  })
export type FolderServicesBodyType = z.infer<typeof FolderServicesBody>
