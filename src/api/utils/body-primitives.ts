import { z } from "@medusajs/framework/zod"
import { currencyDigits, fitsCurrency } from "../../utils/money"

/**
 * Shared pieces of Portico's body validators, so that every route bounds the
 * same kind of value the same way. Text is also checked for NUL characters,
 * unpaired surrogates and reserved keys before any validator runs
 * (`guardRequestInput`).
 */

/** A record id in a body (`sfold_01…`, `prod_01…`): 1–100 letters, digits, `_` or `-`. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Expected an id")

/** Free-form `metadata`: at most 50 keys of at most 100 characters. */
export const Metadata = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((m) => Object.keys(m).length <= 50, { message: "At most 50 metadata keys", params: { code: "too_big" } })

/** A single line of text for people (a subject, a file name): no line breaks or other control characters. */
export const SingleLine = z
  .string()
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, "Line breaks and control characters are not allowed")

/**
 * The largest amount Portico accepts for credit or refunds, in a currency's
 * main unit. Amounts are stored as PostgreSQL numerics and handled as
 * JavaScript numbers, exact to 15 significant digits: 10^12 (a trillion, with
 * up to 3 decimals) stays exact.
 */
export const MAX_AMOUNT = 1_000_000_000_000

/** A positive amount in a currency's main unit (`12.5` is 12.50), at most {@link MAX_AMOUNT}. */
export const Amount = z
  .number()
  .finite()
  .positive()
  .max(MAX_AMOUNT, { message: `At most ${MAX_AMOUNT}` })

/**
 * Adds a `too_precise` issue at `path` when `amount` has more decimals than
 * `currency` has (10.005 USD, 0.5 JPY, 0.000000001 of anything).
 */
export function checkPrecision(ctx: z.RefinementCtx, amount: number | null | undefined, currency: string, path: (string | number)[]) {
  if (amount == null || fitsCurrency(amount, currency)) {
    return
  }
  const digits = currencyDigits(currency) ?? 2
  ctx.addIssue({
    code: "custom",
    path,
    message: `At most ${digits} decimal${digits === 1 ? "" : "s"} for ${currency.toUpperCase()}`,
    params: { code: "too_precise" },
  })
}
