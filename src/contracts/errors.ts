/**
 * How Portico's routes refuse a request: the body of every 4xx/5xx answer,
 * the stable machine codes clients branch on, and per-field problems.
 * Import-free.
 */

/**
 * Stable machine codes of Portico's domain errors. Clients branch on `code`;
 * the message is for people.
 */
export const PorticoErrorCode = {
  /** A folder handle is already used by another live folder. */
  HANDLE_TAKEN: "handle_taken",
  /** Moving a folder under itself or one of its descendants. */
  FOLDER_CYCLE: "folder_cycle",
  /** Deleting a folder that still holds services or sub-folders. */
  FOLDER_NOT_EMPTY: "folder_not_empty",
  /** A referenced record does not exist. */
  NOT_FOUND: "not_found",
  /** A reorder that does not list every sibling exactly once. */
  INVALID_ORDER: "invalid_order",
  /** Recurring settings without an interval, or an interval on a one-time service. */
  INVALID_BILLING: "invalid_billing",
  /** A field that does not apply to the record as it is (an interval on a one-time service). */
  NOT_APPLICABLE: "not_applicable",
  /** A service without a price in the cart's currency. */
  CURRENCY_MISMATCH: "currency_mismatch",
  /**
   * The client's account credit does not cover what a cart applies or a
   * deduction asks for (the balance moved, e.g. another checkout used it).
   */
  INSUFFICIENT_CREDIT: "insufficient_credit",
  /** A currency the store does not sell in. */
  UNSUPPORTED_CURRENCY: "unsupported_currency",
  /** An amount with more decimals than its currency has (10.005 USD). */
  TOO_PRECISE: "too_precise",
  /** A refund larger than what is left to refund on the order. */
  REFUND_EXCEEDS_PAID: "refund_exceeds_paid",
  /** Account credit for a guest (a customer without an account). */
  GUEST_CUSTOMER: "guest_customer",
  /** A service-order status change that makes no sense from the current status. */
  INVALID_TRANSITION: "invalid_transition",
  /** An intake submission for a service order that is no longer pending. */
  INTAKE_NOT_PENDING: "intake_not_pending",
  /** An intake submission for a service order whose service has no intake form. */
  NO_INTAKE_FORM: "no_intake_form",
  /** An intake submission with invalid answers (see `errors`). */
  INVALID_INTAKE: "invalid_intake",
  /** Marking paid or voiding an invoice that is not open (already paid, void, or still a cart). */
  INVOICE_NOT_OPEN: "invoice_not_open",
  /** Deleting an intake form that a service still uses. */
  FORM_IN_USE: "form_in_use",
  /** A payment webhook whose signature does not verify (or that its provider cannot read). */
  INVALID_WEBHOOK: "invalid_webhook",
  /** The payment provider did not accept the payment (card declined, …): nothing was charged, the cart is intact. */
  PAYMENT_DECLINED: "payment_declined",
  /** The payment waits for the client (3-D Secure, PayPal approval): finish it and complete again. */
  PAYMENT_REQUIRES_ACTION: "payment_requires_action",
  /** A login link that is unknown, expired, already used or altered (401; the four are not told apart). */
  LOGIN_LINK_INVALID: "login_link_invalid",
  /** Too many requests for one email or from one address (429, with `retry_after` seconds and a `Retry-After` header). */
  RATE_LIMITED: "rate_limited",
  /** An account operation that needs a login by link (an email the caller proved to own). */
  LOGIN_LINK_REQUIRED: "login_link_required",
  /** A subscription change that its current status does not allow (resume an active one, cancel a canceled one). */
  INVALID_SUBSCRIPTION_TRANSITION: "invalid_subscription_transition",
  /** A card that is not saved on the client's own payment customer (confirm its setup first). */
  INVALID_PAYMENT_METHOD: "invalid_payment_method",
  /** Paying a renewal that is not waiting for a payment (already paid, canceled). */
  RENEWAL_NOT_OPEN: "renewal_not_open",
  /** A renewal date in the past, or outside what the subscription allows. */
  INVALID_RENEWAL_DATE: "invalid_renewal_date",
  /** A license key that does not exist (the license API answers it without a hint about other keys). */
  LICENSE_KEY_NOT_FOUND: "license_key_not_found",
  /** A license key the merchant disabled, or whose purchase was refunded or canceled. */
  LICENSE_KEY_DISABLED: "license_key_disabled",
  /** A license key past its expiry, or whose subscription ended. */
  LICENSE_KEY_EXPIRED: "license_key_expired",
  /** Every activation slot of the key is taken (deactivate an instance first). */
  ACTIVATION_LIMIT_REACHED: "activation_limit_reached",
  /** The key belongs to another product than the one the software asked about (no slot used). */
  LICENSE_PRODUCT_MISMATCH: "license_product_mismatch",
  /** An instance id that is not an active instance of this key. */
  LICENSE_INSTANCE_NOT_FOUND: "license_instance_not_found",
  /** A download link that was tampered with or has expired (ask the portal for a new one). */
  DOWNLOAD_LINK_INVALID: "download_link_invalid",
  /** The client's access to a purchase's files ended (subscription over, purchase refunded or canceled). */
  NOT_ENTITLED: "not_entitled",
  /** An uploaded product file that cannot be stored (no file, a bad name, over the size limit). */
  INVALID_FILE: "invalid_file",
} as const
export type PorticoErrorCodeType = (typeof PorticoErrorCode)[keyof typeof PorticoErrorCode]

/**
 * Transport-level codes Portico's routes answer with besides the domain codes
 * (the request itself could not be read or was refused before any rule ran).
 */
export const PorticoRequestErrorCode = {
  /** A malformed JSON body. */
  INVALID_JSON: "invalid_json",
  /** A body larger than the route accepts (413). */
  BODY_TOO_LARGE: "body_too_large",
  /** A request that breaks no domain rule but is not valid (400 without a more precise code). */
  INVALID_REQUEST: "invalid_request",
  /** A value the database cannot hold (out of range, invalid text). */
  INVALID_VALUE: "invalid_value",
  /** Input nested deeper than Portico reads. */
  TOO_DEEP: "too_deep",
} as const

/** One field-level problem of a refused request (`errors[]`): `field` is a dotted path (`answers.company`, `fields.2.options`). */
export type PorticoFieldError = { field: string; code: string; message: string }

/**
 * The JSON body of a refused request: Medusa's `{ type, message }` plus
 * Portico's stable `code` and, where fields are at fault, `errors[]`.
 */
export type PorticoErrorBody = {
  /** Medusa's error type (`invalid_data`, `not_found`, `not_allowed`, …). */
  type?: string
  /** A stable machine code ({@link PorticoErrorCodeType} for domain errors). */
  code?: string
  /** Written for people; do not branch on it. */
  message: string
  errors?: PorticoFieldError[]
}
