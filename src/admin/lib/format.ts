import type { InvoiceStatus } from "./types"

/** An amount in major units (`972.5`) in the merchant's locale and the invoice's currency. */
export function formatMoney(amount: number | string | null | undefined, currency: string) {
  const value = Number(amount ?? 0)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(value)
  } catch {
    return `${value.toFixed(2)} ${currency.toUpperCase()}`
  }
}

/** A timestamp as a short local date and time, or — when absent. */
export function formatDateTime(value: string | null | undefined) {
  return value
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value))
    : "—"
}

/** A timestamp as a short local date. */
export function formatDate(value: string | null | undefined) {
  return value ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(value)) : "—"
}

/** Badge colour and label of each invoice status. */
export const INVOICE_STATUS: Record<InvoiceStatus, { label: string; color: "grey" | "orange" | "green" | "red" }> = {
  abandoned: { label: "Abandoned", color: "grey" },
  open: { label: "Open", color: "orange" },
  paid: { label: "Paid", color: "green" },
  void: { label: "Void", color: "red" },
}

/** A customer's full name, or their email when they gave no name. */
export function customerName(
  customer: { email?: string | null; first_name?: string | null; last_name?: string | null } | null | undefined,
  fallbackEmail?: string | null
) {
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
  return name || customer?.email || fallbackEmail || "—"
}

/** A handle suggested from a name: lowercase ASCII letters and digits separated by single dashes. */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "")
}
