/** Formats an amount in major units (Medusa v2) in its currency. */
export function formatMoney(amount: number | null | undefined, currencyCode: string, locale = "en-US") {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount ?? 0)
}
