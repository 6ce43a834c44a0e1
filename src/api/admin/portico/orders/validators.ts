import { z } from "@medusajs/framework/zod"
import { Amount } from "../../../utils/body-primitives"

/** Body of `POST /admin/portico/orders/:id/credit-refunds`. */
export const CreditRefundBody = z
  .object({
    amount: Amount,
    note: z.string().trim().max(500).optional(),
  })
  .strict()
export type CreditRefundBodyType = z.infer<typeof CreditRefundBody>
