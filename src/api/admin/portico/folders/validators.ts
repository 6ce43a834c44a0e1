import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/** Query of `GET /admin/portico/folders` and `GET /store/portico/folders`. */
export const FolderListParams = createFindParams({ limit: 50, offset: 0, order: "position" }).extend({
  parent_id: z.string().nullable().optional(),
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
