/**
 * Digits after the decimal point a currency has (USD 2, JPY 0, KWD 3), from
 * the runtime's ISO 4217 data; null for a code that is not well-formed.
 */
export function currencyDigits(currencyCode: string): number | null {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return null
  }
}

/**
 * Whether `amount` has no more decimals than the currency allows (10.5 USD
 * yes, 10.505 USD and 0.000000001 USD no). The tolerance is relative, for the
 * float error of `x * 10^digits` only, so a tiny amount is never "close enough".
 */
export function fitsCurrency(amount: number, currencyCode: string): boolean {
  const digits = currencyDigits(currencyCode) ?? 2
  const scaled = amount * 10 ** digits
  return Number.isFinite(scaled) && Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))
}

/** An amount with its currency for people (`$12.50`, `€1,200.00`). */
export function formatMoney(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}
