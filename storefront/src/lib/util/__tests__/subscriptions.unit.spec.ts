import { describe, expect, it } from "@jest/globals"
import {
  cardLabel,
  dayToIso,
  formatDay,
  isPayable,
  nextStep,
  paymentMethodText,
  pricePerPeriod,
  subscriptionTitle,
  type Subscription,
} from "../subscriptions"

const base: Subscription = {
  id: "sub_1",
  status: "active",
  customer_id: "cus_1",
  email: "ann@example.com",
  product_id: "prod_1",
  variant_id: "variant_1",
  title: "Monthly SEO retainer",
  variant_title: "Default",
  order_id: "order_1",
  service_order_id: null,
  currency_code: "usd",
  unit_price: 900,
  interval: "month",
  interval_count: 1,
  billing_cycles: null,
  cycles_paid: 1,
  current_period_start: "2026-01-31T10:00:00.000Z",
  current_period_end: "2026-02-28T10:00:00.000Z",
  next_renewal_at: "2026-02-28T10:00:00.000Z",
  next_renewal_amount: 900,
  cancel_at_period_end: false,
  canceled_at: null,
  ended_at: null,
  paused_at: null,
  resume_at: null,
  payment_provider_id: "pp_stripe_stripe",
  payment_method_label: "visa •••• 4242",
  has_saved_card: true,
  created_at: "2026-01-31T10:00:00.000Z",
}

describe("subscriptions in words", () => {
  it("prints the price per period and dates in UTC", () => {
    expect(pricePerPeriod(base)).toBe("$900.00 / month")
    expect(pricePerPeriod({ ...base, interval: "month", interval_count: 3 })).toBe("$900.00 / 3 months")
    // 23:30 UTC is still the 31st in the portal, whatever the server's time zone.
    expect(formatDay("2027-01-31T23:30:00.000Z")).toBe("Jan 31, 2027")
    expect(formatDay(null)).toBe("—")
    expect(formatDay("not a date")).toBe("—")
  })

  it("says what happens next", () => {
    expect(nextStep(base)).toBe("Renews on Feb 28, 2026 for $900.00")
    expect(nextStep({ ...base, cancel_at_period_end: true, next_renewal_at: null, next_renewal_amount: null })).toBe("Cancels on Feb 28, 2026")
    expect(nextStep({ ...base, status: "paused", next_renewal_at: null, resume_at: "2026-03-15T00:00:00.000Z" })).toBe(
      "Paused, resumes on Mar 15, 2026"
    )
    expect(nextStep({ ...base, status: "paused", next_renewal_at: null })).toBe("Paused until you resume it")
    expect(nextStep({ ...base, status: "canceled", canceled_at: "2026-02-10T00:00:00.000Z" })).toBe("Canceled on Feb 10, 2026")
    expect(nextStep({ ...base, status: "past_due" })).toBe("A renewal is unpaid")
  })

  it("names the card and the service", () => {
    expect(cardLabel("visa •••• 4242")).toBe("Visa •••• 4242")
    expect(paymentMethodText(base)).toBe("Visa •••• 4242")
    expect(paymentMethodText({ ...base, payment_method_label: null })).toBe("Saved card")
    expect(paymentMethodText({ ...base, payment_method_label: null, has_saved_card: false })).toMatch(/invoiced for you to pay/)
    expect(subscriptionTitle(base)).toBe("Monthly SEO retainer")
    expect(subscriptionTitle({ ...base, variant_title: "Premium" })).toBe("Monthly SEO retainer (Premium)")
  })

  it("offers to pay only renewals waiting for the client or being retried", () => {
    expect(["requires_action", "retrying"].every((status) => isPayable({ status: status as "retrying" }))).toBe(true)
    expect(["pending", "paid", "failed", "canceled"].some((status) => isPayable({ status: status as "paid" }))).toBe(false)
  })

  it("reads a date field as the start of that day in UTC", () => {
    expect(dayToIso("2027-03-01")).toBe("2027-03-01T00:00:00.000Z")
    expect(dayToIso("2027-02-30")).toBeUndefined()
    expect(dayToIso("")).toBeUndefined()
    expect(dayToIso("tomorrow")).toBeUndefined()
  })
})
