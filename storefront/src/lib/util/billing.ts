import type { StoreServiceSettings } from "medusa-plugin-portico/contracts"

/** Portico's billing settings of a service (`service_settings` on a product). */
export type ServiceSettings = StoreServiceSettings

/** The non-empty lines of the "what's included" text. */
export function includedItems(s?: ServiceSettings | null): string[] {
  return (s?.included ?? "")
    .split("\n")
    .map((line) => line.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean)
}

function isRecurring(s?: ServiceSettings | null): s is ServiceSettings & { interval: NonNullable<ServiceSettings["interval"]> } {
  return s?.billing_type === "recurring" && !!s.interval
}

/** "month", "3 months": one billing period of a recurring service. */
function period(s: ServiceSettings & { interval: string }) {
  const n = s.interval_count ?? 1
  return n === 1 ? s.interval : `${n} ${s.interval}s`
}

/** Short suffix after a price: "/ month", "/ 3 months"; empty for one-time services. */
export function perPeriod(s?: ServiceSettings | null): string {
  return isRecurring(s) ? `/ ${period(s)}` : ""
}

/**
 * How a service is billed, in a sentence: "Billed every month", "Billed every
 * 3 months, 12 times"; undefined for one-time services.
 */
export function billingSentence(s?: ServiceSettings | null): string | undefined {
  if (!isRecurring(s)) {
    return undefined
  }
  const cycles = s.billing_cycles ? `, ${s.billing_cycles} time${s.billing_cycles === 1 ? "" : "s"}` : ", until you cancel"
  return `Billed every ${period(s)}${cycles}`
}
