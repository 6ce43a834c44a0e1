import { z } from "@medusajs/framework/zod"

/** `GET /admin/portico/mailbox` */
export const MailboxListParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type MailboxListParamsType = z.infer<typeof MailboxListParams>
