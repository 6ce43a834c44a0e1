import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { fitsCurrency } from "../../utils/money"

/** A positive amount in the currency's main unit (`12.5` is 12.50). */
export const Amount = z.number().finite().positive()

/** A 3-letter ISO 4217 code, case-insensitive, answered lower-case. */
export const CurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "Expected a 3-letter currency code such as usd")
  .transform((c) => c.toLowerCase())

/** Query of the ledger routes (`?currency_code=usd&limit=20&offset=0`). */
export const LedgerParams = createFindParams({ limit: 20, offset: 0 }).extend({
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
  .superRefine((body, ctx) => {
    if (!fitsCurrency(body.amount, body.currency_code)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["amount"],
        message: `Too many decimals for ${body.currency_code.toUpperCase()}`,
        params: { code: "too_precise" },
      })
    }
  })
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
