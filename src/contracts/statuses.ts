/**
 * The status words and kinds Portico's records and routes use, defined once
 * for the modules (their models and transitions), the routes' validators,
 * the admin and the storefront. Import-free.
 */

/** Invoice states: `abandoned` (a cart) → `open` (order placed) → `paid` | `void`. */
export const InvoiceStatus = {
  ABANDONED: "abandoned",
  OPEN: "open",
  PAID: "paid",
  VOID: "void",
} as const
export type InvoiceStatusType = (typeof InvoiceStatus)[keyof typeof InvoiceStatus]
/** Every invoice status, in lifecycle order. */
export const INVOICE_STATUSES = Object.values(InvoiceStatus) as [InvoiceStatusType, ...InvoiceStatusType[]]
/**
 * Issued invoices: what a client's portal lists and what has a PDF. An
 * `abandoned` invoice is a cart that never became an order.
 */
export const ISSUED_INVOICE_STATUSES = ["open", "paid", "void"] as const satisfies readonly InvoiceStatusType[]
export type IssuedInvoiceStatusType = (typeof ISSUED_INVOICE_STATUSES)[number]

/** Statuses of a service order. */
export const ServiceOrderStatus = {
  PENDING: "pending",
  SUBMITTED: "submitted",
  WORKING: "working",
  COMPLETE: "complete",
  CANCELED: "canceled",
} as const
export type ServiceOrderStatusType = (typeof ServiceOrderStatus)[keyof typeof ServiceOrderStatus]
/** Every service-order status, in work-queue order. */
export const SERVICE_ORDER_STATUSES = Object.values(ServiceOrderStatus) as [
  ServiceOrderStatusType,
  ...ServiceOrderStatusType[],
]

/**
 * Where each status may go. `submitted → pending` asks the client for intake
 * again (only for a service order with a form); `complete → working` reopens;
 * `canceled` is final.
 */
export const SERVICE_ORDER_TRANSITIONS: Record<ServiceOrderStatusType, readonly ServiceOrderStatusType[]> = {
  pending: ["submitted", "working", "canceled"],
  submitted: ["working", "complete", "canceled", "pending"],
  working: ["submitted", "complete", "canceled"],
  complete: ["working"],
  canceled: [],
}

/**
 * The statuses a service order in `status` may move to; back to `pending`
 * (asking the client for intake again) only when it has an intake form.
 */
export function nextServiceOrderStatuses(status: ServiceOrderStatusType, hasIntakeForm: boolean): ServiceOrderStatusType[] {
  return SERVICE_ORDER_TRANSITIONS[status].filter((to) => to !== ServiceOrderStatus.PENDING || hasIntakeForm)
}

/** Who moved a service order. */
export const ServiceOrderActor = {
  SYSTEM: "system",
  CUSTOMER: "customer",
  USER: "user",
} as const
export type ServiceOrderActorType = (typeof ServiceOrderActor)[keyof typeof ServiceOrderActor]

/** The status a service order takes once its intake is in (or at once, without a form). */
export const START_STATUSES = ["submitted", "working"] as const
export type StartStatus = (typeof START_STATUSES)[number]

/** How a service is billed. */
export const BILLING_TYPES = ["one_time", "recurring"] as const
export type BillingType = (typeof BILLING_TYPES)[number]

/** The unit of a recurring service's billing period. */
export const BILLING_INTERVALS = ["day", "week", "month", "year"] as const
export type BillingInterval = (typeof BILLING_INTERVALS)[number]

/**
 * Where the payment of a bank-transfer order stands: waiting for the
 * transfer, paid (the invoice is paid), or canceled (the invoice is void).
 */
export const PAYMENT_INSTRUCTIONS_STATUSES = ["awaiting_payment", "paid", "canceled"] as const
export type PaymentInstructionsStatus = (typeof PAYMENT_INSTRUCTIONS_STATUSES)[number]

/** Why an account-credit ledger entry exists, in words a merchant and a client understand. */
export const CREDIT_REASONS = ["checkout", "renewal", "refund", "grant", "deduction", "gift_card", "other"] as const
export type CreditReason = (typeof CREDIT_REASONS)[number]

/** The direction of an account-credit ledger entry. */
export type CreditEntryType = "credit" | "debit"

/** Who an email template is written to. */
export type EmailRecipient = "client" | "merchant"

/**
 * Statuses of a subscription: `active` (renewing), `past_due` (a renewal is
 * unpaid and being retried or waits for the client), `paused` (no renewals
 * until resumed), `canceled` (by the client, the merchant or dunning) and
 * `ended` (its billing cycles are used up).
 */
export const SubscriptionStatus = {
  ACTIVE: "active",
  PAST_DUE: "past_due",
  PAUSED: "paused",
  CANCELED: "canceled",
  ENDED: "ended",
} as const
export type SubscriptionStatusType = (typeof SubscriptionStatus)[keyof typeof SubscriptionStatus]
export const SUBSCRIPTION_STATUSES = Object.values(SubscriptionStatus) as [
  SubscriptionStatusType,
  ...SubscriptionStatusType[],
]

/**
 * States of one renewal (one billing period of a subscription):
 * `pending` (being paid now), `retrying` (a charge failed, another attempt is
 * scheduled), `requires_action` (the client must pay it: 3-D Secure, no saved
 * card, bank transfer), `paid`, `failed` (dunning gave up) and `canceled`
 * (the subscription was canceled or paused before it was paid).
 */
export const RenewalStatus = {
  PENDING: "pending",
  RETRYING: "retrying",
  REQUIRES_ACTION: "requires_action",
  PAID: "paid",
  FAILED: "failed",
  CANCELED: "canceled",
} as const
export type RenewalStatusType = (typeof RenewalStatus)[keyof typeof RenewalStatus]
export const RENEWAL_STATUSES = Object.values(RenewalStatus) as [RenewalStatusType, ...RenewalStatusType[]]

/** What happened to a subscription, as its history records it. */
export const SUBSCRIPTION_HISTORY_ACTIONS = [
  "created",
  "renewed",
  "payment_failed",
  "payment_requires_action",
  "canceled",
  "cancel_scheduled",
  "cancel_undone",
  "paused",
  "resumed",
  "ended",
  "renewal_moved",
  "payment_method_updated",
  "claimed",
] as const
export type SubscriptionHistoryAction = (typeof SUBSCRIPTION_HISTORY_ACTIONS)[number]

/** Who changed a subscription. */
export const SUBSCRIPTION_ACTORS = ["system", "customer", "user"] as const
export type SubscriptionActorType = (typeof SUBSCRIPTION_ACTORS)[number]

// ---------------------------------------------------------------- license keys

/**
 * States of a license key: `inactive` (issued, not activated anywhere yet),
 * `active` (at least one activation), `expired` (past its expiry, or its
 * subscription ended) and `disabled` (by the merchant, or its purchase was
 * refunded or canceled).
 */
export const LicenseKeyStatus = {
  INACTIVE: "inactive",
  ACTIVE: "active",
  EXPIRED: "expired",
  DISABLED: "disabled",
} as const
export type LicenseKeyStatusType = (typeof LicenseKeyStatus)[keyof typeof LicenseKeyStatus]
export const LICENSE_KEY_STATUSES = Object.values(LicenseKeyStatus) as [LicenseKeyStatusType, ...LicenseKeyStatusType[]]

/** Why a key is disabled: by the `merchant`, or its purchase was `refunded` in full or `canceled`. */
export const LICENSE_KEY_DISABLED_REASONS = ["merchant", "refunded", "canceled"] as const
export type LicenseKeyDisabledReason = (typeof LICENSE_KEY_DISABLED_REASONS)[number]

/** How a service's license keys expire: `never`, after a `length` (interval × count from issue), or `subscription` (when its subscription ends). */
export const LICENSE_EXPIRY_MODES = ["never", "length", "subscription"] as const
export type LicenseExpiryMode = (typeof LICENSE_EXPIRY_MODES)[number]
