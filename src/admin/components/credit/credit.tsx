import { CurrencyInput } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { fieldErrorsOf, portico, PorticoApiError } from "../../lib/api"
import { formatMoney } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import type { CreditReason } from "../../lib/types"

/** A ledger entry's reason in the merchant's words. */
export const CREDIT_REASON: Record<CreditReason, string> = {
  checkout: "Used at checkout",
  renewal: "Subscription renewal",
  refund: "Refund",
  grant: "Granted",
  deduction: "Deducted",
  gift_card: "Gift card",
  other: "Other",
}

/** The symbol and number of decimals of a currency, from the browser's Intl data. */
export function currencyMeta(code: string): { symbol: string; decimals: number } {
  try {
    const format = new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: code.toUpperCase(),
      currencyDisplay: "narrowSymbol",
    })
    const symbol = format.formatToParts(0).find((p) => p.type === "currency")?.value ?? code.toUpperCase()
    return { symbol, decimals: format.resolvedOptions().maximumFractionDigits ?? 2 }
  } catch {
    return { symbol: code.toUpperCase(), decimals: 2 }
  }
}

/** A signed amount with its sign spelled out: `+$25.00`, `−$10.00`. */
export function formatSigned(amount: number, currency: string) {
  const value = Number(amount)
  return `${value < 0 ? "−" : "+"}${formatMoney(Math.abs(value), currency)}`
}

/**
 * What an amount field holds, as the request body's `amount`: a number when
 * the field parses, the raw text otherwise (so the server names the field),
 * and nothing when empty (the server answers "required").
 */
export function amountOf(value: string): number | string | undefined {
  const trimmed = value.trim()
  if (!trimmed) {
    return undefined
  }
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : trimmed
}

/**
 * The server's field errors of a failed credit request, with the generic
 * validation wording of an amount replaced by a merchant's one.
 */
export function creditFieldErrors(error: unknown): Record<string, string> {
  const byField = fieldErrorsOf(error)
  if (error instanceof PorticoApiError) {
    const amount = error.errors.find((e) => e.field === "amount")
    if (amount && ["required", "invalid_type"].includes(amount.code)) {
      byField.amount = "Enter an amount."
    } else if (amount?.code === "too_small") {
      byField.amount = "Enter an amount greater than zero."
    }
    const note = error.errors.find((e) => e.field === "note")
    if (note && ["required", "invalid_type"].includes(note.code)) {
      byField.note = "A note is required"
    }
  }
  return byField
}

/** A money field in `currency` (symbol and code around the number, the currency's decimals). */
export const AmountInput = ({
  id,
  currency,
  value,
  onChange,
  placeholder,
  invalid,
  disabled,
}: {
  id: string
  currency: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  invalid?: boolean
  disabled?: boolean
}) => {
  const { symbol, decimals } = currencyMeta(currency)
  return (
    <CurrencyInput
      id={id}
      data-testid={id}
      symbol={symbol}
      code={currency.toUpperCase()}
      value={value}
      decimalsLimit={decimals}
      allowNegativeValue={false}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      disabled={disabled}
      autoComplete="off"
      onValueChange={(v) => onChange(v ?? "")}
    />
  )
}

type StoreCurrency = { currency_code: string; is_default: boolean }

/** The currencies the store sells, the default one first. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: porticoKeys.storeCurrencies,
    queryFn: async () => {
      const { stores } = await portico.fetch<{ stores: { supported_currencies?: StoreCurrency[] | null }[] }>(
        "/admin/stores",
        { query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" } }
      )
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies].sort((a, b) => Number(b.is_default) - Number(a.is_default))
    },
    staleTime: 5 * 60_000,
  })
}
