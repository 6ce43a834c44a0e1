import { z } from "@medusajs/framework/zod"
import { CurrencyCode } from "../../../shared/credit"
import { Amount, checkPrecision } from "../../../utils/body-primitives"

export { LedgerParams, type LedgerParamsType } from "../../../shared/credit"

/** Body of `POST /admin/portico/customers/:id/credit/adjustments`. */
export const CreditAdjustmentBody = z
  .object({
    type: z.enum(["grant", "deduct"]),
    currency_code: CurrencyCode,
    amount: Amount,
    note: z.string().trim().min(1, "A note is required").max(500),
  })
  .strict()
  .superRefine((body, ctx) => checkPrecision(ctx, body.amount, body.currency_code, ["amount"]))
export type CreditAdjustmentBodyType = z.infer<typeof CreditAdjustmentBody>
