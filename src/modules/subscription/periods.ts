import type { BillingInterval } from "../../contracts/statuses"

const DAY_MS = 86_400_000

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
}

/**
 * The start of billing period `n` of a subscription anchored at `anchor`
 * (period 0 starts at the anchor, period 1 one interval later, …), in UTC.
 *
 * Always computed from the anchor, never by adding to the previous date, so
 * month ends do not drift: anchored on 31 January, the boundaries are
 * 28/29 February, 31 March, 30 April, 31 May… A yearly subscription bought on
 * 29 February renews on 28 February in common years. Days and weeks are
 * exact multiples of 24 hours (UTC has no daylight saving).
 */
export function periodBoundary(anchor: Date, interval: BillingInterval, count: number, n: number): Date {
  const steps = n * Math.max(1, count)
  if (interval === "day" || interval === "week") {
    return new Date(anchor.getTime() + steps * (interval === "week" ? 7 : 1) * DAY_MS)
  }
  const months = steps * (interval === "year" ? 12 : 1)
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months
  const year = Math.floor(total / 12)
  const month = total - year * 12
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month))
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      anchor.getUTCHours(),
      anchor.getUTCMinutes(),
      anchor.getUTCSeconds(),
      anchor.getUTCMilliseconds()
    )
  )
}

/** The period `n` of a subscription: `[start, end)`. */
export function billingPeriod(anchor: Date, interval: BillingInterval, count: number, n: number) {
  return { start: periodBoundary(anchor, interval, count, n), end: periodBoundary(anchor, interval, count, n + 1) }
}

/**
 * The index of the period that contains `at` (0 for the first period;
 * negative before the anchor).
 */
export function periodIndexAt(anchor: Date, interval: BillingInterval, count: number, at: Date): number {
  if (at < anchor) {
    return -1
  }
  // An estimate from the average period length, corrected by a few steps.
  const avg = { day: 1, week: 7, month: 30.436875, year: 365.2425 }[interval] * Math.max(1, count) * DAY_MS
  let n = Math.max(0, Math.floor((at.getTime() - anchor.getTime()) / avg))
  while (n > 0 && periodBoundary(anchor, interval, count, n) > at) {
    n--
  }
  while (periodBoundary(anchor, interval, count, n + 1) <= at) {
    n++
  }
  return n
}

/**
 * The part of period `[start, end)` left at `at`, as a fraction in [0, 1]
 * (for a pro-rata refund of a subscription canceled mid-period).
 */
export function unusedFraction(start: Date, end: Date, at: Date): number {
  const length = end.getTime() - start.getTime()
  if (length <= 0) {
    return 0
  }
  return Math.min(1, Math.max(0, (end.getTime() - at.getTime()) / length))
}
