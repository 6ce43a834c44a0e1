/**
 * What Portico's HTTP routes take and answer, as the admin, the storefront
 * and Portico's typed client (`medusa-plugin-portico/client`) read them.
 * Dates are ISO strings (JSON); amounts are in major units (`12.5` USD).
 * Import-free apart from other contract files.
 */
import type { IntakeField, IntakeFieldInput } from "./intake"
import type {
  BillingInterval,
  BillingType,
  CreditEntryType,
  CreditReason,
  EmailRecipient,
  InvoiceStatusType,
  IssuedInvoiceStatusType,
  LicenseExpiryMode,
  LicenseKeyDisabledReason,
  LicenseKeyStatusType,
  PaymentInstructionsStatus,
  RenewalStatusType,
  ServiceOrderActorType,
  ServiceOrderStatusType,
  StartStatus,
  SubscriptionActorType,
  SubscriptionHistoryAction,
  SubscriptionStatusType,
} from "./statuses"

/** A page of a list route: the rows under their own key, plus `count`, `limit`, `offset`. */
export type Page = { count: number; limit: number; offset: number }

/** What a `DELETE` answers. */
export type Deleted<TObject extends string> = { id: string; object: TObject; deleted: true }

/** `limit` / `offset` of a paginated list. */
export type PageQuery = { limit?: number; offset?: number }

// ---------------------------------------------------------------- catalog

/** A folder as the folder routes answer it (no children). */
export type Folder = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  position: number
  is_visible: boolean
}

/**
 * A folder in the tree (`GET …/folders/tree`), with its sub-folders and the
 * number of services directly in it (the store counts published services only).
 */
export type FolderTreeNode = Folder & {
  service_count: number
  children: FolderTreeNode[]
}

/** `GET /admin/portico/folders`, `GET /store/portico/folders`. */
export type FolderListQuery = PageQuery & { parent_id?: string | null; handle?: string; order?: string }
export type FolderListResponse = Page & { folders: Folder[] }
export type FolderTreeResponse = { folders: FolderTreeNode[] }

/** A service directly in a folder (`folder.services` of `GET /admin/portico/folders/:id`). */
export type AdminFolderService = {
  id: string
  title: string
  handle: string
  status: string
  thumbnail: string | null
  position: number
}

/** One folder with its services (admin). */
export type AdminFolderDetail = Folder & { services: AdminFolderService[] }
export type AdminFolderResponse = { folder: AdminFolderDetail }

/** `POST /admin/portico/folders` (all but `name` optional) and `POST /admin/portico/folders/:id` (all optional). */
export type AdminCreateFolderBody = {
  name: string
  handle?: string
  description?: string | null
  parent_id?: string | null
  position?: number
  is_visible?: boolean
  metadata?: Record<string, unknown> | null
}
export type AdminUpdateFolderBody = Partial<AdminCreateFolderBody>
/** `POST /admin/portico/folders/tree/order`: every sibling under `parent_id`, in their new order. */
export type AdminReorderFoldersBody = { parent_id: string | null; ids: string[] }
export type AdminReorderFoldersResponse = { ids: string[] }
/** `POST /admin/portico/folders/:id/services`: product ids to put in the folder or take out. */
export type AdminFolderServicesBody = { add?: string[]; remove?: string[] }

/** Portico's settings of one service (product), as the admin edits them. */
export type ServiceSettings = {
  id: string | null
  product_id: string
  folder_id: string | null
  position: number
  billing_type: BillingType
  interval: BillingInterval | null
  interval_count: number
  billing_cycles: number | null
  /** Recurring only: each paid renewal opens a new service order for its period. */
  renewal_service_orders: boolean
  start_status: StartStatus
  intake_form_id: string | null
  /** Clients who bought the service download its files in the portal (the latest version of each). */
  files_enabled: boolean
  /** One license key is issued per purchased unit once it is paid. */
  license_keys_enabled: boolean
  /** Activations each key allows; null is unlimited. Default 1. */
  license_activation_limit: number | null
  /** When keys expire: `never` (default), after a `length`, or with the `subscription` (recurring services). */
  license_expiry: LicenseExpiryMode
  /** With `length`: the unit of the key's life. */
  license_expiry_interval: BillingInterval | null
  /** With `length`: how many units (1–120). */
  license_expiry_count: number | null
  /** What the service includes, one item per line. */
  included: string | null
  /** How long delivery takes ("5 business days"). */
  turnaround: string | null
  /** What happens after the purchase. */
  next_steps: string | null
}
export type ServiceSettingsResponse = { service_settings: ServiceSettings }
/** `POST /admin/portico/services/:id/settings`: the settings to change. */
export type AdminServiceSettingsBody = Partial<Omit<ServiceSettings, "id" | "product_id">> & {
  metadata?: Record<string, unknown> | null
}

/** A service's billing settings as the store shows them (`service_settings` on a product). */
export type StoreServiceSettings = {
  billing_type: BillingType
  interval: BillingInterval | null
  interval_count: number | null
  billing_cycles: number | null
  folder_id?: string | null
  /** What the service includes, one item per line. */
  included?: string | null
  /** How long delivery takes, in the merchant's words. */
  turnaround?: string | null
  /** What happens after the purchase. */
  next_steps?: string | null
}

/** A service as a store folder page lists it, priced in the requested region. */
export type StoreFolderService = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  description: string | null
  thumbnail: string | null
  variants: {
    id: string
    title: string | null
    /** Null when the service has no price in the region's currency. */
    calculated_price: { calculated_amount: number | null; currency_code: string | null } | null
  }[]
  service_settings: StoreServiceSettings | null
}
/** `GET /store/portico/folders/:id/services`. */
export type StoreFolderServicesQuery = PageQuery & { region_id?: string }
export type StoreFolderServicesResponse = Page & { folder: Folder; services: StoreFolderService[] }

// ---------------------------------------------------------------- invoices

/** An invoice (amounts in major units). */
export type Invoice = {
  id: string
  /** Sequential number (`INV-000123`), given when the cart becomes an order. */
  number: string | null
  status: InvoiceStatusType
  cart_id: string
  order_id: string | null
  customer_id: string | null
  email: string | null
  currency_code: string
  item_count: number
  subtotal: number
  discount_total: number
  tax_total: number
  /** Account credit used at checkout. */
  credit_total: number
  /** What was left to pay after credit. */
  total: number
  /** Refunded to the client's account credit after the order. */
  credit_refund_total: number
  promotion_codes: string[] | null
  opened_at: string | null
  paid_at: string | null
  voided_at: string | null
  created_at: string
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  order: { id?: string; display_id: number } | null
}

/** One line of an invoice, mirroring the cart's line. */
export type InvoiceLine = {
  id: string
  title: string
  variant_title: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
}

export type InvoiceDetail = Invoice & { lines: InvoiceLine[] }
/** `GET /admin/portico/invoices/:id`, its `mark-paid` and `void`, `GET /store/{carts,orders}/:id/invoice`. */
export type InvoiceResponse = { invoice: InvoiceDetail }
/** `GET /admin/portico/invoices`. */
export type AdminInvoiceListQuery = PageQuery & {
  status?: InvoiceStatusType | InvoiceStatusType[]
  customer_id?: string | string[]
  order_id?: string
  cart_id?: string
  number?: string
  created_at?: { $gte?: string; $lte?: string; $gt?: string; $lt?: string }
  order?: string
}
export type AdminInvoiceListResponse = Page & { invoices: Invoice[] }

/**
 * How to pay an order placed with bank transfer: the merchant's bank details,
 * their instructions with the invoice number filled in, and the reference to
 * write on the transfer (the invoice number).
 */
export type PaymentInstructions = {
  method: "bank_transfer"
  account_holder: string | null
  iban: string | null
  bic: string | null
  bank_name: string | null
  /** The merchant's instructions, with the invoice number filled in. */
  text: string
  /** The invoice number: what the client writes on the transfer. */
  reference: string
  /** What to transfer (major units). */
  amount: number
  currency_code: string
  status: PaymentInstructionsStatus
}
/** `GET /store/orders/:id/payment-instructions`: null for other payment methods. */
export type PaymentInstructionsResponse = { payment_instructions: PaymentInstructions | null }

/** `GET /store/portico/invoices`: the logged-in client's issued invoices, newest first. */
export type StoreInvoiceListQuery = PageQuery & { status?: IssuedInvoiceStatusType | IssuedInvoiceStatusType[] }
export type StoreInvoiceListResponse = Page & { invoices: Invoice[] }
/**
 * One of the client's invoices as the portal shows it: with its lines, and how
 * to pay it while it is unpaid and its order was placed by bank transfer
 * (null otherwise).
 */
export type StoreInvoiceDetail = InvoiceDetail & { order_id: string | null; payment_instructions: PaymentInstructions | null }
/** `GET /store/portico/invoices/:number`. */
export type StoreInvoiceResponse = { invoice: StoreInvoiceDetail }

// ---------------------------------------------------------------- account credit

/** A customer's credit account in one currency. */
export type CreditAccount = {
  id: string
  currency_code: string
  balance: number
  credits: number
  debits: number
}

/** One entry of a credit ledger, with the balance right after it (as the store shows it). */
export type CreditTransaction = {
  id: string
  created_at: string
  currency_code: string
  type: CreditEntryType
  /** Positive amount of the entry. */
  amount: number
  /** `+amount` for credits, `-amount` for debits. */
  signed_amount: number
  /** The account's balance right after this entry. */
  balance_after: number
  reason: CreditReason
  note: string | null
  /** The order the entry belongs to (checkout debits and refunds). */
  order_id: string | null
  order_display_id: number | null
  invoice_number: string | null
}
/** A ledger entry as the admin sees it: with the raw reference (who or what made it). */
export type AdminCreditTransaction = CreditTransaction & { reference: string; reference_id: string }

/** `GET /store/portico/credit`. */
export type StoreCreditAccountsResponse = { accounts: CreditAccount[] }
/** `GET /store/portico/credit/transactions`, newest first. */
export type CreditTransactionsQuery = PageQuery & { currency_code?: string }
export type StoreCreditTransactionsResponse = Page & { transactions: CreditTransaction[] }

/** The account credit on a cart, as the checkout shows it. */
export type CartCredit = {
  cart_id: string
  currency_code: string
  /** The client's switch for this cart. */
  enabled: boolean
  /** The client's balance in the cart's currency (before this cart). */
  balance: number
  /** Credit applied to the cart. */
  applied: number
  /** The cart's total before account credit. */
  total_before_credit: number
  /** What is left to pay with a payment method. */
  amount_due: number
}
/** `GET` / `POST /store/carts/:id/credit`. */
export type CartCreditResponse = { credit: CartCredit }
export type CartCreditBody = { enabled: boolean }

/** `GET /admin/portico/customers/:id/credit`; `has_account: false` for a guest, who cannot hold credit. */
export type AdminCustomerCreditResponse = { accounts: CreditAccount[]; has_account: boolean }
/** `GET /admin/portico/customers/:id/credit/transactions`. */
export type AdminCreditTransactionsResponse = Page & { transactions: AdminCreditTransaction[] }
/** `POST /admin/portico/customers/:id/credit/adjustments`. */
export type AdminCreditAdjustmentBody = { type: "grant" | "deduct"; currency_code: string; amount: number; note: string }
export type AdminCreditAdjustmentResponse = { transaction: AdminCreditTransaction; accounts: CreditAccount[] }

/** What an order can still refund to the client's account credit. */
export type OrderCreditRefund = {
  order_id: string
  customer_id: string | null
  currency_code: string
  /** Captured by payment providers. */
  captured: number
  /** Authorized but not captured (nothing charged yet, so nothing of it can be refunded). */
  awaiting_capture: number
  /** The providers (ids, e.g. `pp_system_default`) of the payments awaiting capture. */
  awaiting_capture_providers: string[]
  /** Refunded through payment providers. */
  refunded_to_gateway: number
  /** Paid with account credit at checkout. */
  credit_used: number
  /** Already refunded to account credit. */
  refunded_to_credit: number
  /** `captured − refunded_to_gateway + credit_used − refunded_to_credit`, never below 0. */
  refundable: number
}
/** `GET /admin/portico/orders/:id/credit-refunds`. */
export type AdminOrderCreditRefundResponse = { refund: OrderCreditRefund }
/** `POST /admin/portico/orders/:id/credit-refunds`. */
export type AdminCreditRefundBody = { amount: number; note?: string }
export type AdminCreditRefundResponse = { transaction: AdminCreditTransaction; refund: OrderCreditRefund }

// ---------------------------------------------------------------- intake forms

/** An intake form as `GET /admin/portico/intake-forms` lists it. */
export type AdminIntakeFormSummary = {
  id: string
  title: string
  description: string | null
  version: number
  field_count: number
  created_at: string
  updated_at: string
}

/** One intake form with its current version's fields, its versions and the services that use it. */
export type AdminIntakeForm = {
  id: string
  title: string
  description: string | null
  version: number
  fields: IntakeField[]
  versions: { id: string; version: number; created_at: string }[]
  services: { product_id: string; title: string }[]
  created_at: string
  updated_at: string
}
export type AdminIntakeFormListQuery = PageQuery & { q?: string }
export type AdminIntakeFormListResponse = Page & { intake_forms: AdminIntakeFormSummary[] }
export type AdminIntakeFormResponse = { intake_form: AdminIntakeForm }
/** `POST /admin/portico/intake-forms`; saving new fields makes a new version. */
export type AdminCreateIntakeFormBody = { title: string; description?: string | null; fields: IntakeFieldInput[] }
export type AdminUpdateIntakeFormBody = Partial<AdminCreateIntakeFormBody>

/** The form version a service order's intake answers. */
export type IntakeFormVersion = { id: string; title: string; description: string | null; version: number; fields: IntakeField[] }

/** A file uploaded with an intake submission. */
export type IntakeFile = { field: string; file_id: string; filename: string; mime_type: string; size: number }

/** An intake submission: answers by field key, and the uploaded files. */
export type IntakeSubmission = {
  id: string
  version: number
  answers: Record<string, unknown>
  files: IntakeFile[]
  created_at: string
}

/** The form of a service order (null without one) and its submission (null until sent). */
export type IntakeState = { form: IntakeFormVersion | null; submission: IntakeSubmission | null }

// ---------------------------------------------------------------- service orders

/** A service order (one purchased unit of a service) as a client sees it. */
export type StoreServiceOrder = {
  id: string
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  units: number
  product_id: string | null
  title: string
  variant_title: string | null
  status: ServiceOrderStatusType
  intake_form_id: string | null
  /** Pending, with a form for the client to fill. */
  intake_required: boolean
  created_at: string
  updated_at: string
}

/** A service order with its status history and intake, as a client sees it. */
export type StoreServiceOrderDetail = StoreServiceOrder & {
  history: { from_status: ServiceOrderStatusType | null; to_status: ServiceOrderStatusType; created_at: string }[]
  intake: IntakeState
}

/** `GET /store/portico/service-orders`. */
export type StoreServiceOrderListQuery = PageQuery & { status?: ServiceOrderStatusType | ServiceOrderStatusType[]; order_id?: string }
export type StoreServiceOrderListResponse = Page & { service_orders: StoreServiceOrder[] }
/** `GET /store/portico/orders/:id/service-orders`, in line order. */
export type StoreOrderServiceOrdersResponse = { service_orders: StoreServiceOrder[] }
/** `GET /store/portico/service-orders/:id`, `POST …/:id/intake`. */
export type StoreServiceOrderResponse = { service_order: StoreServiceOrderDetail }

/** A service order as the admin's work queue lists it. */
export type AdminServiceOrder = {
  id: string
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  units: number
  product_id: string | null
  variant_id: string | null
  title: string
  variant_title: string | null
  status: ServiceOrderStatusType
  start_status: StartStatus
  intake_form_id: string | null
  intake_required: boolean
  invoice_id: string | null
  invoice_number: string | null
  customer_id: string | null
  email: string | null
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  submitted_at: string | null
  completed_at: string | null
  canceled_at: string | null
  created_at: string
  updated_at: string
}

/** One status change (the creation is the row without `from_status`). */
export type ServiceOrderHistoryEntry = {
  id: string
  from_status: ServiceOrderStatusType | null
  to_status: ServiceOrderStatusType
  actor_type: ServiceOrderActorType
  actor_id: string | null
  note: string | null
  created_at: string
}

/** A service order with its history, intake and refund, as the admin sees it. */
export type AdminServiceOrderDetail = AdminServiceOrder & {
  history: ServiceOrderHistoryEntry[]
  intake: IntakeState
  refund: { amount: number; currency_code: string; method: "credit" } | null
  currency_code: string
}

/** `GET /admin/portico/service-orders`. */
export type AdminServiceOrderListQuery = PageQuery & {
  status?: ServiceOrderStatusType | ServiceOrderStatusType[] | string
  product_id?: string
  customer_id?: string
  order_id?: string
  order?: "-created_at" | "created_at"
}
export type AdminServiceOrderListResponse = Page & { service_orders: AdminServiceOrder[] }
export type AdminServiceOrderResponse = { service_order: AdminServiceOrderDetail }
/** `POST /admin/portico/service-orders/:id/status`; `refund_amount` refunds to credit on `canceled`. */
export type AdminServiceOrderStatusBody = { status: ServiceOrderStatusType; note?: string | null; refund_amount?: number | null }

// ---------------------------------------------------------------- emails

/** One `{{variable}}` of an email template. */
export type EmailTemplateVariable = { name: string; description: string; example: string }

/** An email template with its defaults and the merchant's override. */
export type AdminEmailTemplate = {
  template: string
  title: string
  recipient: EmailRecipient
  description: string
  variables: EmailTemplateVariable[]
  default_subject: string
  default_body: string
  override: { subject: string | null; body: string | null; enabled: boolean; updated_at: string } | null
}
export type AdminEmailTemplateListResponse = { email_templates: AdminEmailTemplate[] }
export type AdminEmailTemplateResponse = { email_template: AdminEmailTemplate }
/** `POST /admin/portico/email-templates/:template`: null resets a part to the default. */
export type AdminEmailTemplateBody = { subject?: string | null; body?: string | null; enabled?: boolean }
/** `POST /admin/portico/email-templates/:template/preview`. */
export type AdminEmailPreviewBody = { subject?: string | null; body?: string | null }
export type EmailPreview = { subject: string; html: string; text: string }
export type AdminEmailPreviewResponse = { preview: EmailPreview }

/** A dev-mailbox email (list row). */
export type MailboxEmail = {
  id: string
  to: string
  from: string | null
  subject: string
  template: string
  idempotency_key: string | null
  sent_at: string
}
/** `GET /admin/portico/mailbox`: `enabled: false` when the dev mailbox is off. */
export type AdminMailboxResponse = Page & { enabled: boolean; dir: string | null; emails: MailboxEmail[] }

// ---------------------------------------------------------------------------
// Customer portal: magic-link login, the account, order access after checkout
// ---------------------------------------------------------------------------

/** `POST /auth/customer/magic-link` asking for a link (answer: {@link MagicLinkSentResponse}, whatever the email). */
export type MagicLinkRequestBody = { email: string; next?: string }
/** `POST /auth/customer/magic-link` logging in with a link's token (answer: `{ token }`, a JWT). */
export type MagicLinkLoginBody = { token: string }
/** The answer to a link request: where the storefront says "check your email". */
export type MagicLinkSentResponse = { location: string }

/** The customer of the portal. */
export type PortalCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  has_account: boolean
  created_at: string
}
/** What a login claimed from guest purchases of its email. */
export type ClaimedPurchases = { orders: number; invoices: number; service_orders: number; subscriptions: number; license_keys: number }
/** `POST /store/portico/account`: the account a magic-link login opened. */
export type StoreAccountResponse = { customer: PortalCustomer; claimed: ClaimedPurchases }
/** `POST /admin/portico/customers/:id/login-link`. */
export type AdminLoginLinkResponse = { sent: true; email: string }

/**
 * The header in which the browser that placed an order sends the order's
 * access token (`order_access_token` of the completion answer, valid one
 * hour) to read the order's invoice, payment instructions and service orders
 * without logging in.
 */
export const ORDER_TOKEN_HEADER = "x-portico-order-token"
/** Portico's addition to Medusa's completion answer for a placed order. */
export type CompletedOrderExtras = { order_access_token: string }
/** `GET /admin/portico/portal`: the customer-portal link to share. */
export type AdminPortalResponse = { portal: { url: string } }

/** A subscription as Portico's routes answer it (`/store/portico/subscriptions`, `/admin/portico/subscriptions`). */
export type SubscriptionView = {
  id: string
  status: SubscriptionStatusType
  customer_id: string | null
  email: string | null
  product_id: string | null
  variant_id: string | null
  title: string
  variant_title: string | null
  order_id: string
  service_order_id: string | null
  currency_code: string
  /** The price of one period, as bought. */
  unit_price: number
  interval: BillingInterval
  interval_count: number
  billing_cycles: number | null
  cycles_paid: number
  current_period_start: string
  current_period_end: string
  /** When the next renewal is charged (null when none will be: canceled, ended, set to cancel, paused). */
  next_renewal_at: string | null
  /** What the next renewal costs (the price as bought). */
  next_renewal_amount: number | null
  cancel_at_period_end: boolean
  canceled_at: string | null
  ended_at: string | null
  paused_at: string | null
  resume_at: string | null
  payment_provider_id: string | null
  /** "visa •••• 4242", or null when renewals are invoiced for the client to pay. */
  payment_method_label: string | null
  has_saved_card: boolean
  created_at: string
}

/** One renewal (a billing period being or having been paid). */
export type SubscriptionRenewalView = {
  id: string
  period: number
  period_start: string
  period_end: string
  status: RenewalStatusType
  currency_code: string
  amount: number
  credit_amount: number
  invoice_id: string | null
  invoice_number: string | null
  order_id: string | null
  attempt_count: number
  next_attempt_at: string | null
  last_error_code: string | null
  paid_at: string | null
  created_at: string
}

/** A charge attempt of a renewal (admin). */
export type SubscriptionAttemptView = {
  attempt: number
  at: string
  status: "succeeded" | "failed" | "requires_action"
  amount: number
  code?: string | null
  message?: string | null
  idempotency_key: string
}

/** One history entry of a subscription. */
export type SubscriptionHistoryView = {
  id: string
  action: SubscriptionHistoryAction
  from_status: SubscriptionStatusType | null
  to_status: SubscriptionStatusType
  actor_type: SubscriptionActorType
  actor_id: string | null
  note: string | null
  data: Record<string, unknown> | null
  created_at: string
}

/** `GET /store/portico/subscriptions`, `GET /admin/portico/subscriptions`. */
export type SubscriptionListResponse = { subscriptions: SubscriptionView[]; count: number; limit: number; offset: number }
/** `GET /store/portico/subscriptions/:id`: the subscription with its renewals. */
export type StoreSubscriptionResponse = { subscription: SubscriptionView & { renewals: SubscriptionRenewalView[] } }
/** `GET /admin/portico/subscriptions/:id`: with renewals (and their attempts) and history. */
export type AdminSubscriptionResponse = {
  subscription: SubscriptionView & {
    renewals: (SubscriptionRenewalView & { attempts: SubscriptionAttemptView[]; last_error_message: string | null })[]
    history: SubscriptionHistoryView[]
  }
}

/** `POST /store/portico/subscriptions/:id/changes`: what a client may do. */
export type StoreSubscriptionChangeBody =
  | { type: "cancel"; at_period_end?: boolean; refund_unused?: boolean; reason?: string | null }
  | { type: "undo_cancel" }
  | { type: "pause"; resume_at?: string | null }
  | { type: "resume" }
/** `POST /admin/portico/subscriptions/:id/changes`: what the merchant may do (the client's changes, and more). */
export type AdminSubscriptionChangeBody =
  | StoreSubscriptionChangeBody
  | { type: "move_renewal"; renewal_at: string }
  | { type: "retry_renewal" }

/**
 * `POST /store/portico/subscriptions/:id/renewals/:renewal_id/payment`: start
 * paying an unpaid renewal in the portal (3-D Secure, no saved card, a
 * declined card). Body `{ provider_id? }` (default Stripe). Answers the
 * session to confirm in the browser (Stripe: `data.client_secret` with
 * Stripe.js / Elements), then the client calls `…/complete`.
 */
export type StoreRenewalPaymentResponse = {
  renewal: SubscriptionRenewalView
  payment_session: {
    id: string
    provider_id: string
    amount: number
    currency_code: string
    status: string
    data: { client_secret?: string | null; id?: string | null }
  }
}

/**
 * `POST /store/portico/subscriptions/:id/payment-method/setup`: a Stripe
 * SetupIntent for a new card (confirm `setup.client_secret` with Stripe.js /
 * Elements), then `POST /store/portico/subscriptions/:id/payment-method`
 * `{ payment_method_id }` makes it the subscription's card (an unpaid renewal
 * is charged with it at once).
 */
export type StoreSubscriptionCardSetupResponse = {
  setup: { id: string; client_secret: string; provider_id: string }
}
/** Body of `POST /store/portico/subscriptions/:id/payment-method`. */
export type StoreSubscriptionPaymentMethodBody = { payment_method_id: string }

// ---------------------------------------------------------------- files and license keys

/** One stored version of a product file. */
export type ProductFileVersionView = {
  id: string
  /** 1, 2, 3…: a replacement adds the next one; clients always get the newest. */
  version: number
  filename: string
  mime_type: string
  size: number
  created_at: string
}

/** A service's file as the merchant manages it (`/admin/portico/services/:id/files`). */
export type AdminProductFile = {
  id: string
  product_id: string
  title: string
  position: number
  current_version: ProductFileVersionView
  /** Every version, newest first (kept for the record). */
  versions: ProductFileVersionView[]
  download_count: number
  created_at: string
  updated_at: string
}
/** `GET /admin/portico/services/:id/files`. */
export type AdminProductFilesResponse = { files: AdminProductFile[] }
/**
 * `POST /admin/portico/services/:id/files` (multipart: a `file` part and an
 * optional `title` field) adds a file; `POST …/files/:file_id/versions`
 * (multipart `file`) replaces it with a new version; `POST …/files/:file_id`
 * `{ title?, position? }` renames or moves it.
 */
export type AdminProductFileResponse = { file: AdminProductFile }
export type AdminUpdateProductFileBody = { title?: string; position?: number }

/** One download of a product file: who took which version, when. */
export type FileDownloadView = {
  id: string
  file_id: string
  version_id: string
  version: number
  filename: string
  customer_id: string | null
  email: string | null
  order_id: string | null
  created_at: string
}
/** `GET /admin/portico/services/:id/files/:file_id/downloads` (newest first). */
export type AdminFileDownloadsResponse = Page & { downloads: FileDownloadView[] }

/** A file of a purchase as the client sees it (its newest version). */
export type StoreFileView = {
  id: string
  title: string
  version: number
  filename: string
  mime_type: string
  size: number
  /** When the newest version was uploaded. */
  updated_at: string
}

/** One activation of a license key (an installation of the merchant's software). */
export type LicenseInstanceView = {
  id: string
  name: string
  created_at: string
  /** Set once deactivated (the admin lists those too, the portal only active ones). */
  deactivated_at: string | null
}

/** A license key (`/store/portico/license-keys`, `/admin/portico/license-keys`). */
export type LicenseKeyView = {
  id: string
  key: string
  status: LicenseKeyStatusType
  /** Null: unlimited. */
  activation_limit: number | null
  activation_usage: number
  expires_at: string | null
  product_id: string | null
  variant_id: string | null
  title: string
  variant_title: string | null
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  service_order_id: string | null
  subscription_id: string | null
  customer_id: string | null
  email: string | null
  /** Why it is disabled, when it is. */
  disabled_reason: LicenseKeyDisabledReason | null
  created_at: string
  instances: LicenseInstanceView[]
}
export type LicenseKeyListQuery = PageQuery & { order_id?: string; product_id?: string; status?: LicenseKeyStatusType | LicenseKeyStatusType[] }
export type AdminLicenseKeyListQuery = LicenseKeyListQuery & { customer_id?: string; q?: string }
/** `GET /store/portico/license-keys`, `GET /admin/portico/license-keys`. */
export type LicenseKeyListResponse = Page & { license_keys: LicenseKeyView[] }
/** `GET …/license-keys/:id`, and the answer of every change. */
export type LicenseKeyResponse = { license_key: LicenseKeyView }
/** `POST /admin/portico/license-keys/:id/changes`. */
export type AdminLicenseKeyChangeBody =
  | { type: "disable" }
  | { type: "enable" }
  | { type: "reset_activations" }
  | { type: "set_activation_limit"; activation_limit: number | null }

/**
 * One purchased line as the portal's "Files & keys" shows it
 * (`GET /store/portico/entitlements`): its files (when the service has
 * files and the client is entitled now) and its license keys.
 */
export type StoreEntitlement = {
  line_item_id: string
  order_id: string
  order_display_id: number | null
  product_id: string | null
  title: string
  variant_title: string | null
  /** Whether the files can be downloaded now: paid, not refunded or canceled, and for a recurring service within a paid period. */
  entitled: boolean
  /** For a subscription that will not renew: when access ends. */
  access_until: string | null
  files: StoreFileView[]
  license_keys: LicenseKeyView[]
  purchased_at: string
}
export type StoreEntitlementListQuery = PageQuery & { order_id?: string }
export type StoreEntitlementListResponse = Page & { entitlements: StoreEntitlement[] }
/**
 * `POST /store/portico/files/:id/download-link` (no body): a link to the file's newest
 * version, valid a few minutes, for the browser to open (`GET /portico/downloads/:token`
 * streams it as an attachment after checking the entitlement again).
 */
export type StoreDownloadLinkResponse = { download: { url: string; expires_at: string } }

/** The key as the license API describes it (Lemon Squeezy's shape). */
export type LicenseApiKey = {
  id: string
  status: LicenseKeyStatusType
  key: string
  activation_limit: number | null
  activation_usage: number
  created_at: string
  expires_at: string | null
}
/** What the license API says about the key's purchase. */
export type LicenseApiMeta = {
  product_id: string | null
  product_name: string
  variant_id: string | null
  variant_name: string | null
  order_id: string
  order_item_id: string
  customer_id: string | null
  customer_email: string | null
}
/** `error` is null on success; `code` is Portico's stable code (null on success). */
type LicenseApiBase = {
  error: string | null
  code: string | null
  license_key: LicenseApiKey | null
  meta: LicenseApiMeta | null
}
/**
 * `POST /license/activate { license_key, instance_name, fingerprint?, product_id? }`:
 * 201 for a new instance, 200 when the fingerprint already had one (the same instance).
 */
export type LicenseActivateResponse = LicenseApiBase & { activated: boolean; instance: { id: string; name: string; created_at: string } | null }
/** `POST /license/validate { license_key, instance_id?, product_id? }`. */
export type LicenseValidateResponse = LicenseApiBase & { valid: boolean; instance: { id: string; name: string; created_at: string } | null }
/** `POST /license/deactivate { license_key, instance_id }`. */
export type LicenseDeactivateResponse = LicenseApiBase & { deactivated: boolean }
