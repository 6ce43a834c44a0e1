import { renderEmail } from "../../../modules/email-template/templates/render"
import {
  canceledByText,
  emailDate,
  nextRenewalAfter,
  paymentMethodText,
  paymentProblemText,
  subscriptionCanceledData,
  subscriptionPaymentFailedData,
  subscriptionRenewalUpcomingData,
  subscriptionRenewedData,
  subscriptionUrl,
} from "../subscription-email-data"

const shop = "https://shop.test"
const sub = {
  id: "sub_1",
  status: "active",
  email: "sam@example.com",
  customer_id: "cus_1",
  title: "Care plan",
  variant_title: "Default variant",
  currency_code: "usd",
  unit_price: 25,
  billing_cycles: null,
  cycles_paid: 2,
  cancel_at_period_end: false,
  current_period_end: "2026-04-01T10:00:00.000Z",
  payment_provider_id: "pp_stripe_stripe",
  payment_method_id: "pm_1",
  payment_method_label: "visa •••• 4242",
}
const renewal = {
  id: "subren_1",
  period: 1,
  period_start: "2026-03-01T10:00:00.000Z",
  period_end: "2026-04-01T10:00:00.000Z",
  amount: 25,
  credit_amount: 5,
}
const client = { customer: { first_name: "Sam", email: "sam@example.com" }, billing_address: null }
const portalLink = `${shop}/portal/subscriptions/sub_1`

describe("subscription email data", () => {
  it("formats dates for people in UTC and links the subscription's portal page", () => {
    expect(emailDate("2026-03-01T23:30:00.000Z")).toBe("March 1, 2026")
    expect(emailDate(null)).toBe("")
    expect(subscriptionUrl(shop, "sub_1")).toBe(portalLink)
  })

  it("builds the renewal receipt: period, amounts, invoice, next renewal, portal link", async () => {
    const { to, ...data } = subscriptionRenewedData({
      subscription: sub,
      renewal,
      invoice: {
        id: "inv_2",
        number: "INV-000008",
        order_id: "order_2",
        email: "sam@example.com",
        currency_code: "usd",
        subtotal: 25,
        discount_total: 0,
        tax_total: 0,
        credit_total: 5,
        total: 20,
      },
      order: { id: "order_2", display_id: 14, email: "sam@example.com", customer: { first_name: "Sam" } },
      service_orders: [{ id: "sord_9", title: "Care plan", status: "pending", intake_form_id: "if_1", units: 1 }],
      storefront_url: shop,
    })
    expect(to).toBe("sam@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({
        customer_name: "Sam",
        service_title: "Care plan",
        invoice_number: "INV-000008",
        order_number: "14",
        period_start: "March 1, 2026",
        period_end: "April 1, 2026",
        credit_used: "$5.00",
        total: "$20.00",
        next_renewal_date: "April 1, 2026",
        subscription_url: portalLink,
        intake_links: `Care plan: ${shop}/portal/service-orders/sord_9`,
      })
    )
    const email = await renderEmail("subscription_renewed", data)
    expect(email.subject).toBe("Your Care plan subscription is renewed (INV-000008)")
    expect(email.html).toContain(`href="${portalLink}"`)
    expect(email.html).toContain("Account credit used")
    expect(email.text).toContain("Next renewal")
    expect(email.text).toContain("$20.00")
    expect(email.html).toContain(`href="${shop}/portal/service-orders/sord_9"`)
    expect(email.html).not.toContain("{{")
  })

  it("has no next renewal when the subscription stops at the period end", () => {
    expect(nextRenewalAfter({ ...sub, cancel_at_period_end: true }, renewal)).toBeNull()
    expect(nextRenewalAfter({ ...sub, billing_cycles: 2 }, renewal)).toBeNull()
    expect(nextRenewalAfter({ ...sub, billing_cycles: 3 }, renewal)).toBe(renewal.period_end)
    expect(nextRenewalAfter({ ...sub, status: "canceled" }, renewal)).toBeNull()
  })

  it("says a declined renewal in plain words, with the retry date and what to do", async () => {
    const { to, ...data } = subscriptionPaymentFailedData({
      subscription: { ...sub, status: "past_due" },
      renewal,
      invoice_number: "INV-000008",
      problem: { kind: "declined", code: "insufficient_funds", next_attempt_at: "2026-03-02T10:00:00.000Z", final: false },
      client,
      storefront_url: shop,
    })
    expect(to).toBe("sam@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({
        amount_due: "$20.00",
        problem: "Your bank declined the payment: the card has insufficient funds.",
        next_attempt_date: "March 2, 2026",
        retry: "We will try your card again on March 2, 2026.",
        action: expect.stringContaining("update your card or pay the invoice in your customer portal"),
        iban: "",
      })
    )
    const email = await renderEmail("subscription_payment_failed", data)
    expect(email.subject).toBe("Action needed: your payment of $20.00 for Care plan")
    expect(email.html).toContain(`href="${portalLink}"`)
    expect(email.text).toContain("March 2, 2026")
    expect(email.text).not.toContain("insufficient_funds")
    expect(email.text).not.toContain("IBAN")
    expect(email.html).toContain("we could not collect the payment")
  })

  it("says when there will be no more retries, and whether the subscription is canceled", () => {
    const final = { kind: "declined" as const, code: "stolen_card", next_attempt_at: null, final: true }
    const canceled = subscriptionPaymentFailedData({
      subscription: { ...sub, status: "canceled" },
      renewal,
      invoice_number: "INV-000008",
      problem: final,
      storefront_url: shop,
    })
    expect(canceled.variables.next_attempt_date).toBe("")
    expect(canceled.variables.retry).toBe("We will not try again, and your subscription has been canceled.")
    // Lost, stolen and fraud declines read as a plain decline.
    expect(canceled.variables.problem).toBe("Your bank declined the payment.")
    const pastDue = subscriptionPaymentFailedData({
      subscription: { ...sub, status: "past_due" },
      renewal,
      invoice_number: "INV-000008",
      problem: { ...final, code: "insufficient_funds" },
      storefront_url: shop,
    })
    expect(pastDue.variables.retry).toBe("We will not try this card again.")
  })

  it("asks the client to confirm a 3-D Secure payment or pay without a saved card in the portal", async () => {
    const threeDs = subscriptionPaymentFailedData({
      subscription: { ...sub, status: "past_due" },
      renewal,
      invoice_number: "INV-000008",
      problem: { kind: "requires_action", reason: "payment_requires_action" },
      storefront_url: shop,
    })
    expect(threeDs.variables.action).toBe("Please confirm the payment in your customer portal.")
    expect(threeDs.variables.problem).toContain("3-D Secure")
    expect(threeDs.variables.retry).toBe("")
    const html = (await renderEmail("subscription_payment_failed", threeDs)).html
    expect(html).toContain(`href="${portalLink}"`)
    const noCard = subscriptionPaymentFailedData({
      subscription: { ...sub, payment_method_id: null },
      renewal,
      invoice_number: "INV-000008",
      problem: { kind: "requires_action", reason: "no_payment_method" },
      storefront_url: shop,
    })
    expect(noCard.variables.action).toContain("pay the invoice in your customer portal")
  })

  it("gives a bank-transfer renewal the bank details with the invoice number as the reference", async () => {
    const { to, ...data } = subscriptionPaymentFailedData({
      subscription: { ...sub, payment_provider_id: "pp_bank_transfer_default", payment_method_id: null },
      renewal: { ...renewal, credit_amount: 0 },
      invoice_number: "INV-000008",
      problem: { kind: "requires_action", reason: "manual_payment" },
      bank: {
        account_holder: "Acme Studio Ltd",
        iban: "DE89 3704 0044 0532 0130 00",
        bic: "COBADEFFXXX",
        bank_name: "Demo Bank",
        text: "Write INV-000008 on the transfer.",
      },
      storefront_url: shop,
    })
    expect(to).toBe("sam@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({
        amount_due: "$25.00",
        invoice_number: "INV-000008",
        iban: "DE89 3704 0044 0532 0130 00",
        instructions: "Write INV-000008 on the transfer.",
        action: expect.stringContaining("with INV-000008 as the payment reference"),
      })
    )
    const email = await renderEmail("subscription_payment_failed", data)
    expect(email.html).toContain("Your invoice for Care plan is ready")
    expect(email.html).not.toContain("we could not collect")
    expect(email.text).toContain("Payment reference")
    expect(email.text).toContain("DE89 3704 0044 0532 0130 00")
    expect(email.text).toContain("Write INV-000008 on the transfer.")
  })

  it("says who canceled, in words", async () => {
    expect(canceledByText({ actor_type: "customer" })).toBe("You canceled it.")
    expect(canceledByText({ actor_type: "user" })).toBe("We canceled it.")
    expect(canceledByText({ actor_type: "system", note: "at period end" })).toBe("It ended with the paid period, as asked.")
    expect(canceledByText({ actor_type: "system", note: "unpaid" })).toBe("Its renewal payment could not be collected.")
    const { to, ...data } = subscriptionCanceledData({
      subscription: { ...sub, status: "canceled" },
      cancel: { actor_type: "customer", at: "2026-03-10T12:00:00.000Z" },
      client,
      storefront_url: shop,
    })
    expect(to).toBe("sam@example.com")
    const email = await renderEmail("subscription_canceled", data)
    expect(email.subject).toBe("Your Care plan subscription is canceled")
    expect(email.text).toContain("was canceled on March 10, 2026. You canceled it.")
    expect(email.html).toContain(`href="${portalLink}"`)
  })

  it("reminds of the renewal: date, amount, card label, link to manage", async () => {
    expect(paymentMethodText({ payment_provider_id: "pp_bank_transfer_default", payment_method_id: null })).toBe("bank transfer")
    expect(paymentMethodText({ payment_provider_id: "pp_stripe_stripe", payment_method_id: null })).toBe("")
    expect(paymentMethodText({ payment_provider_id: "pp_stripe_stripe", payment_method_id: "pm_1" })).toBe("your saved card")
    const { to, ...data } = subscriptionRenewalUpcomingData({ subscription: sub, client, storefront_url: shop })
    expect(to).toBe("sam@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({ renewal_date: "April 1, 2026", amount: "$25.00", payment_method: "visa •••• 4242" })
    )
    const email = await renderEmail("subscription_renewal_upcoming", data)
    expect(email.subject).toBe("Your Care plan subscription renews on April 1, 2026")
    expect(email.text).toContain("visa •••• 4242")
    expect(email.html).toContain(`href="${portalLink}"`)
    const noCard = await renderEmail(
      "subscription_renewal_upcoming",
      subscriptionRenewalUpcomingData({ subscription: { ...sub, payment_method_id: null, payment_method_label: null }, storefront_url: shop })
    )
    expect(noCard.text).toContain("There is no saved card")
  })

  it("maps unknown decline codes to a plain decline", () => {
    expect(paymentProblemText({ kind: "declined", code: "something_new", next_attempt_at: null, final: false })).toBe(
      "Your bank declined the payment."
    )
    expect(paymentProblemText({ kind: "declined", code: "expired_card", next_attempt_at: null, final: true })).toBe("Your card has expired.")
  })
})
