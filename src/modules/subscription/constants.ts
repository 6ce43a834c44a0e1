/** Container key of Portico's subscription module. */
export const PORTICO_SUBSCRIPTION_MODULE = "porticoSubscription"

export {
  BILLING_INTERVALS,
  RENEWAL_STATUSES,
  RenewalStatus,
  SUBSCRIPTION_ACTORS,
  SUBSCRIPTION_HISTORY_ACTIONS,
  SUBSCRIPTION_STATUSES,
  SubscriptionStatus,
  type BillingInterval,
  type RenewalStatusType,
  type SubscriptionActorType,
  type SubscriptionHistoryAction,
  type SubscriptionStatusType,
} from "../../contracts/statuses"

/** Events Portico emits about subscriptions. */
export const SubscriptionEvents = {
  /** `{ id, customer_id, order_id }`, once per subscription. */
  CREATED: "portico.subscription.created",
  /** `{ id, renewal_id, period, order_id, invoice_id }`: a period was paid. */
  RENEWED: "portico.subscription.renewed",
  /** `{ id, renewal_id, attempt, code, next_attempt_at, final }`: a renewal charge failed (`final`: no retry left). */
  PAYMENT_FAILED: "portico.subscription.payment_failed",
  /** `{ id, renewal_id, reason }`: a renewal waits for the client to pay it (`payment_requires_action`, `no_payment_method`, `manual_payment`). */
  PAYMENT_REQUIRES_ACTION: "portico.subscription.payment_requires_action",
  /** `{ id, from, to, action, actor_type, actor_id }`: any status change. */
  STATUS_CHANGED: "portico.subscription.status_changed",
  /** `{ id, renewal_at }`: the renewal is `upcoming_days` away (the optional reminder). */
  RENEWAL_UPCOMING: "portico.subscription.renewal_upcoming",
} as const
