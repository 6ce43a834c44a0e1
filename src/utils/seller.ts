import type { InvoiceSeller } from "../modules/invoice/service"

/** The environment variables {@link sellerFromEnv} reads. */
export type SellerEnv = {
  PORTICO_SELLER_NAME?: string
  PORTICO_SELLER_ADDRESS?: string
  PORTICO_SELLER_EMAIL?: string
  PORTICO_SELLER_TAX_ID?: string
}

/** The demo app's merchant when the environment names none (the name falls back to the store's). */
export const DEMO_SELLER: Readonly<InvoiceSeller> = {
  address_lines: ["1 Demo Street", "10115 Berlin", "Germany"],
  email: "billing@portico.test",
  tax_id: "DE000000000",
}

/**
 * The invoice module's `seller` option from the environment:
 * `PORTICO_SELLER_NAME`, `PORTICO_SELLER_ADDRESS` (lines separated by a
 * newline, a literal `\n` or `|`), `PORTICO_SELLER_EMAIL`,
 * `PORTICO_SELLER_TAX_ID`. A variable left unset takes `defaults`' value; one
 * set to an empty string prints nothing. Without a name the PDF shows the
 * Medusa store's name.
 *
 * @example
 * sellerFromEnv({ PORTICO_SELLER_ADDRESS: "1 Main St|Springfield" }).address_lines // ["1 Main St", "Springfield"]
 */
export function sellerFromEnv(env: SellerEnv = process.env, defaults: InvoiceSeller = DEMO_SELLER): InvoiceSeller {
  const text = (value: string | undefined, fallback: string | null | undefined) =>
    value === undefined ? fallback ?? null : value.trim() || null
  const address = env.PORTICO_SELLER_ADDRESS
  return {
    name: text(env.PORTICO_SELLER_NAME, defaults.name),
    address_lines:
      address === undefined
        ? [...(defaults.address_lines ?? [])]
        : address
            .split(/\r?\n|\\n|\|/)
            .map((line) => line.trim())
            .filter(Boolean),
    email: text(env.PORTICO_SELLER_EMAIL, defaults.email),
    tax_id: text(env.PORTICO_SELLER_TAX_ID, defaults.tax_id),
  }
}
