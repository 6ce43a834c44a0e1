import { z } from "@medusajs/framework/zod"
import { Amount, checkPrecision } from "./body-primitives"
import { listParams } from "./validate-query"

/** A 3-letter ISO 4217 code, case-insensitive, answered lower-case. */
export const CurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "Expected a 3-letter currency code such as usd")
  .transform((c) => c.toLowerCase())

/** Query of the ledger routes (`?currency_code=usd&limit=20&offset=0`). */
export const LedgerParams = listParams({ limit: 20 }).extend({
  currency_code: CurrencyCode.optional(),
})
export type LedgerParamsType = z.infer<typeof LedgerParams>

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

/** Body of `POST /admin/portico/orders/:id/credit-refunds`. */
export const CreditRefundBody = z
  .object({
    amount: Amount,
    note: z.string().trim().max(500).optional(),
  })
  .strict()
export type CreditRefundBodyType = z.infer<typeof CreditRefundBody>

/** Body of `POST /store/carts/:id/credit`. */
export const CartCreditBody = z.object({ enabled: z.boolean() }).strict()
export type CartCreditBodyType = z.infer<typeof CartCreditBody>
