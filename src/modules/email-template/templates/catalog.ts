/**
 * Portico's emails: their names, who gets them, the variables a merchant can
 * use in an override (`{{variable}}`) and the default subject and body text.
 * The README's "Notifications" table lists the same variables; a unit test
 * keeps the two in step.
 */

/** The templates Portico sends, by the `template` of their notification. */
export const EmailTemplate = {
  PAYMENT_CONFIRMATION: "payment_confirmation",
  INTAKE_REMINDER: "intake_reminder",
  SERVICE_ORDER_STATUS_CHANGED: "service_order_status_changed",
  MERCHANT_NEW_ORDER: "merchant_new_order",
  PAYMENT_INSTRUCTIONS: "payment_instructions",
  LOGIN_LINK: "login_link",
  SUBSCRIPTION_RENEWED: "subscription_renewed",
  SUBSCRIPTION_PAYMENT_FAILED: "subscription_payment_failed",
  SUBSCRIPTION_CANCELED: "subscription_canceled",
  SUBSCRIPTION_RENEWAL_UPCOMING: "subscription_renewal_upcoming",
} as const
export type EmailTemplateName = (typeof EmailTemplate)[keyof typeof EmailTemplate]
export const EMAIL_TEMPLATES = Object.values(EmailTemplate) as [EmailTemplateName, ...EmailTemplateName[]]

/** One `{{variable}}` a template fills. */
export type TemplateVariable = { name: string; description: string; example: string }

/** What the admin and the renderer know about a template. */
export type EmailTemplateDefinition = {
  name: EmailTemplateName
  title: string
  recipient: "client" | "merchant"
  description: string
  variables: TemplateVariable[]
  /** Default subject, with `{{variable}}` placeholders. */
  subject: string
  /** Default body as text (the starting point of an override; the default email is richer). */
  body: string
}

const v = (name: string, description: string, example: string): TemplateVariable => ({
  name,
  description,
  example,
})

const customerName = v(
  "customer_name",
  "The client's first name (billing address, else customer account), or \"there\" when no name is known (\"Hi there,\")",
  "Ada"
)
const customerFullName = v(
  "customer_name",
  "The client's full name (billing address, else customer account), or their email when no name is known",
  "Ada Lovelace"
)
const customerEmail = v("customer_email", "The client's email address", "ada@example.com")
const orderNumber = v("order_number", "The Medusa order's display number", "1042")
const invoiceNumber = v("invoice_number", "The invoice's number", "INV-000042")
const paymentReference = v(
  "invoice_number",
  "The invoice's number: the payment reference the client writes on the transfer",
  "INV-000042"
)
const portalUrl = v(
  "portal_url",
  "The customer-portal link (`<storefront>/portal?email=…`: the login form filled in when the client is not logged in): purchases, invoices, service orders, credit, subscriptions, files and license keys",
  "https://shop.example.com/portal?email=ada%40example.com"
)
const items = v(
  "items",
  "The purchased lines, one per line (`2 × Logo design: $400.00`)",
  "2 × Logo design: $400.00"
)
const total = v("total", "The amount paid, after account credit", "$350.00")
const creditUsed = v("credit_used", "Account credit applied to the order (`$0.00` when none)", "$50.00")
const serviceTitle = v("service_title", "The service's title (with its variant)", "Logo design (Premium)")
const serviceOrderId = v("service_order_id", "The service order's id", "sord_01J…")
const serviceOrderUrl = v(
  "service_order_url",
  "The service order's page in the customer portal (`<storefront>/portal/service-orders/<id>`, through login when needed), where the client fills the intake form",
  "https://shop.example.com/portal/service-orders/sord_01J…"
)

const orderUrl = v(
  "order_url",
  "The order's invoice in the customer portal, with how to pay and whether the payment arrived (`<storefront>/portal/invoices/<number>`, through login when needed)",
  "https://shop.example.com/portal/invoices/INV-000042"
)

const subscriptionTitle = v(
  "service_title",
  "The subscribed service's title (with its variant)",
  "Care plan (Monthly)"
)
const subscriptionUrl = v(
  "subscription_url",
  "The subscription's page in the customer portal (`<storefront>/portal/subscriptions/<id>`, through login when needed): renewals, invoices, the card, pay an unpaid renewal",
  "https://shop.example.com/portal/subscriptions/sub_01J…"
)
const amountDue = v(
  "amount_due",
  "What is left to pay for the renewal after account credit, formatted in the subscription's currency",
  "$25.00"
)
const bankVariables = [
  v(
    "instructions",
    "Bank transfer only: the merchant's payment instructions with the invoice number as the reference (empty otherwise)",
    "Please transfer the amount due to the account below and write INV-000042 as the payment reference."
  ),
  v("account_holder", "Bank transfer only: who the client pays (empty otherwise)", "Acme Studio Ltd"),
  v("iban", "Bank transfer only: the merchant's IBAN (empty otherwise)", "DE89 3704 0044 0532 0130 00"),
  v("bic", "Bank transfer only: the merchant's BIC / SWIFT code (empty otherwise)", "COBADEFFXXX"),
  v("bank_name", "Bank transfer only: the merchant's bank (empty otherwise)", "Demo Bank"),
]

/** Every template, by name. */
export const EMAIL_TEMPLATE_DEFINITIONS: Record<EmailTemplateName, EmailTemplateDefinition> = {
  payment_confirmation: {
    name: "payment_confirmation",
    title: "Payment confirmation",
    recipient: "client",
    description:
      "Sent to the order's email once its invoice is paid: items, totals, account credit used, the invoice number, a link to each intake form to fill and the customer-portal link.",
    variables: [
      customerName,
      customerEmail,
      orderNumber,
      invoiceNumber,
      items,
      v("subtotal", "The lines' total before discounts and tax", "$400.00"),
      v("discount_total", "Discounts (`$0.00` when none)", "$0.00"),
      v("tax_total", "Tax (`$0.00` when none)", "$0.00"),
      creditUsed,
      total,
      v(
        "intake_links",
        "One line per service order waiting for the client's details: its title and intake page link (empty when none)",
        "Logo design: https://shop.example.com/service-orders/sord_01J…"
      ),
      portalUrl,
    ],
    subject: "Payment received for order #{{order_number}} ({{invoice_number}})",
    body: [
      "Hi {{customer_name}},",
      "Thank you for your payment of {{total}} for order #{{order_number}} (invoice {{invoice_number}}).",
      "{{items}}",
      "Account credit used: {{credit_used}}",
      "Please tell us what we need to get started:\n{{intake_links}}",
      "Your purchases and their progress are always in your customer portal: {{portal_url}}",
    ].join("\n\n"),
  },
  intake_reminder: {
    name: "intake_reminder",
    title: "Intake reminder",
    recipient: "client",
    description:
      "Sent to the client while a service order still waits for its intake form, once per reminder period (at most 3 times).",
    variables: [
      customerName,
      customerEmail,
      orderNumber,
      serviceTitle,
      serviceOrderId,
      serviceOrderUrl,
      v("reminder_number", "Which reminder this is (1, 2 or 3)", "1"),
      portalUrl,
    ],
    subject: "Reminder: we need your details for {{service_title}}",
    body: [
      "Hi {{customer_name}},",
      "We are ready to start on {{service_title}} (order #{{order_number}}) as soon as we have your details.",
      "Fill in the form here: {{service_order_url}}",
      "Your customer portal: {{portal_url}}",
    ].join("\n\n"),
  },
  service_order_status_changed: {
    name: "service_order_status_changed",
    title: "Service order status changed",
    recipient: "client",
    description: "Sent to the client when one of their service orders changes status.",
    variables: [
      customerName,
      customerEmail,
      orderNumber,
      serviceTitle,
      serviceOrderId,
      serviceOrderUrl,
      v("previous_status", "The status before the change, for people (`Submitted`)", "Submitted"),
      v("status", "The new status, for people (`In progress`)", "In progress"),
      v("note", "The merchant's note with the change (empty when none)", "We started on your logo."),
      portalUrl,
    ],
    subject: "{{service_title}}: {{status}}",
    body: [
      "Hi {{customer_name}},",
      "Your service order {{service_title}} (order #{{order_number}}) is now: {{status}}.",
      "{{note}}",
      "Details: {{service_order_url}}",
      "Your customer portal: {{portal_url}}",
    ].join("\n\n"),
  },
  merchant_new_order: {
    name: "merchant_new_order",
    title: "New order (merchant)",
    recipient: "merchant",
    description:
      "Sent to the merchant (PORTICO_MERCHANT_EMAIL / the `merchant_email` option) once an order's invoice is paid. Not sent when no merchant email is set.",
    variables: [
      orderNumber,
      invoiceNumber,
      customerFullName,
      customerEmail,
      items,
      creditUsed,
      total,
      v("service_order_count", "How many service orders the order created", "2"),
      v("admin_order_url", "The order in Medusa's admin (`<backend>/app/orders/<id>`)", "https://api.example.com/app/orders/order_01J…"),
    ],
    subject: "New order #{{order_number}}: {{total}} from {{customer_email}}",
    body: [
      "New order #{{order_number}} (invoice {{invoice_number}}) from {{customer_name}} <{{customer_email}}>.",
      "{{items}}",
      "Paid: {{total}} (account credit used: {{credit_used}}).",
      "Service orders: {{service_order_count}}",
      "Open it in the admin: {{admin_order_url}}",
    ].join("\n\n"),
  },
  payment_instructions: {
    name: "payment_instructions",
    title: "How to pay your invoice",
    recipient: "client",
    description:
      "Sent to the order's email once when an order is placed with a payment method paid later (bank transfer, a provider in `deferred_payment_providers`) and its invoice is open: the amount due, the merchant's bank details and instructions, with the invoice number as the payment reference.",
    variables: [
      customerName,
      customerEmail,
      orderNumber,
      paymentReference,
      v("amount_due", "The amount to transfer (what account credit leaves), formatted in the order's currency", "$350.00"),
      v(
        "instructions",
        "The merchant's payment instructions with the invoice number filled in as the reference",
        "Please transfer the amount due to the account below and write INV-000042 as the payment reference. We start on your order as soon as the payment arrives."
      ),
      v("account_holder", "Who the client pays (empty when not set)", "Acme Studio Ltd"),
      v("iban", "The merchant's IBAN (empty when not set)", "DE89 3704 0044 0532 0130 00"),
      v("bic", "The merchant's BIC / SWIFT code (empty when not set)", "COBADEFFXXX"),
      v("bank_name", "The merchant's bank (empty when not set)", "Demo Bank"),
      orderUrl,
      portalUrl,
    ],
    subject: "How to pay invoice {{invoice_number}} ({{amount_due}}) for order #{{order_number}}",
    body: [
      "Hi {{customer_name}},",
      "Thank you for your order #{{order_number}}. It is placed; we start as soon as your payment of {{amount_due}} arrives.",
      "{{instructions}}",
      [
        "Amount due: {{amount_due}}",
        "Payment reference: {{invoice_number}}",
        "Account holder: {{account_holder}}",
        "IBAN: {{iban}}",
        "BIC: {{bic}}",
        "Bank: {{bank_name}}",
      ].join("\n"),
      "Your order and its payment status: {{order_url}}",
      "Your customer portal: {{portal_url}}",
    ].join("\n\n"),
  },
  login_link: {
    name: "login_link",
    title: "Login link",
    recipient: "client",
    description:
      "Sent when a client asks for a login link to the customer portal (the portal's login page, or the merchant from the customer's page in the admin). The link works once, for a limited time; a newer link replaces it.",
    variables: [
      customerEmail,
      v(
        "login_url",
        "The one-time login link (`<storefront>/portal/login/verify?token=…`). Never stored: the notification keeps a placeholder",
        "https://shop.example.com/portal/login/verify?token=…"
      ),
      v("expires_in", "How long the link stays valid, in words", "15 minutes"),
    ],
    subject: "Your login link",
    body: [
      "Hi,",
      "Use this link to log in to your customer portal as {{customer_email}}: {{login_url}}",
      "It works once, within {{expires_in}}. If you did not ask for it, ignore this email: nobody can log in without the link.",
    ].join("\n\n"),
  },
  subscription_renewed: {
    name: "subscription_renewed",
    title: "Subscription renewed",
    recipient: "client",
    description:
      "Sent to the client once a subscription's renewal is paid (instead of the payment confirmation): the period, the amount paid and the account credit used, the invoice number, the next renewal date and the subscription's page in the portal.",
    variables: [
      customerName,
      customerEmail,
      subscriptionTitle,
      orderNumber,
      invoiceNumber,
      v("period_start", "The first day of the period paid", "March 1, 2026"),
      v("period_end", "The day the period paid ends (the next renewal, unless the subscription stops)", "April 1, 2026"),
      creditUsed,
      total,
      v(
        "next_renewal_date",
        "When the subscription renews next; empty when it will not (canceled at the period end, last billing cycle)",
        "April 1, 2026"
      ),
      v(
        "intake_links",
        "One line per service order of the renewal waiting for the client's details: its title and intake page link (empty when none)",
        "Care plan: https://shop.example.com/portal/service-orders/sord_01J…"
      ),
      subscriptionUrl,
      portalUrl,
    ],
    subject: "Your {{service_title}} subscription is renewed ({{invoice_number}})",
    body: [
      "Hi {{customer_name}},",
      "Thank you: your subscription to {{service_title}} is renewed for {{period_start}} to {{period_end}}.",
      "Paid: {{total}} (account credit used: {{credit_used}}). Invoice {{invoice_number}}.",
      "Next renewal: {{next_renewal_date}}",
      "Your subscription: {{subscription_url}}",
    ].join("\n\n"),
  },
  subscription_payment_failed: {
    name: "subscription_payment_failed",
    title: "Subscription payment problem",
    recipient: "client",
    description:
      "Sent to the client when a renewal could not be paid: a declined card (with the next retry date, or that there will be no more retries), a payment the client must confirm (3-D Secure), no saved card, or a subscription paid by bank transfer (then with the bank details and the invoice number as the payment reference). Says what to do, with the subscription's page in the portal.",
    variables: [
      customerName,
      customerEmail,
      subscriptionTitle,
      paymentReference,
      amountDue,
      v("period_start", "The first day of the period to pay", "March 1, 2026"),
      v("period_end", "The last day of the period to pay", "April 1, 2026"),
      v(
        "problem",
        "What happened, in plain words (from the decline code; no code is shown to the client)",
        "Your bank declined the payment: the card has insufficient funds."
      ),
      v(
        "next_attempt_date",
        "When the card is tried again; empty when it will not be (a final failure, or a payment that waits for the client)",
        "March 3, 2026"
      ),
      v(
        "retry",
        "What happens next, in one sentence: the retry date, that there will be no more retries (and whether the subscription is canceled), or empty when the payment waits for the client",
        "We will try your card again on March 3, 2026."
      ),
      v(
        "action",
        "What the client should do, in one sentence (update the card, confirm the payment, pay the invoice in the portal, or transfer the amount with the reference)",
        "Update your card or pay the invoice in your customer portal."
      ),
      ...bankVariables,
      subscriptionUrl,
      portalUrl,
    ],
    subject: "Action needed: your payment of {{amount_due}} for {{service_title}}",
    body: [
      "Hi {{customer_name}},",
      "We could not collect the payment of {{amount_due}} for your subscription to {{service_title}} ({{period_start}} to {{period_end}}, invoice {{invoice_number}}).",
      "{{problem}}",
      "{{retry}}",
      "{{action}}",
      "{{instructions}}",
      "Your subscription: {{subscription_url}}",
    ].join("\n\n"),
  },
  subscription_canceled: {
    name: "subscription_canceled",
    title: "Subscription canceled",
    recipient: "client",
    description:
      "Sent to the client when a subscription is canceled: by the client, by the merchant, at the end of the paid period as asked, or because its renewal could not be paid.",
    variables: [
      customerName,
      customerEmail,
      subscriptionTitle,
      v("canceled_date", "When the subscription was canceled", "March 1, 2026"),
      v(
        "canceled_by",
        "Who canceled it and why, in words",
        "You canceled it."
      ),
      subscriptionUrl,
      portalUrl,
    ],
    subject: "Your {{service_title}} subscription is canceled",
    body: [
      "Hi {{customer_name}},",
      "Your subscription to {{service_title}} was canceled on {{canceled_date}}. {{canceled_by}}",
      "You will not be charged for it again. You can subscribe again at any time.",
      "Your subscription: {{subscription_url}}",
    ].join("\n\n"),
  },
  subscription_renewal_upcoming: {
    name: "subscription_renewal_upcoming",
    title: "Subscription renewal reminder",
    recipient: "client",
    description:
      "Sent to the client `renewal_reminder_days` (PORTICO_RENEWAL_REMINDER_DAYS) before an active subscription renews, once per period; not sent when the option is unset or 0, nor for a subscription set to cancel at the period end.",
    variables: [
      customerName,
      customerEmail,
      subscriptionTitle,
      v("renewal_date", "When the subscription renews", "April 1, 2026"),
      v("amount", "The price of the next period, formatted in the subscription's currency (account credit pays it first)", "$25.00"),
      v(
        "payment_method",
        "How the rest is paid: the saved card's label, `bank transfer`, or empty when no card is saved",
        "visa •••• 4242"
      ),
      subscriptionUrl,
      portalUrl,
    ],
    subject: "Your {{service_title}} subscription renews on {{renewal_date}}",
    body: [
      "Hi {{customer_name}},",
      "Your subscription to {{service_title}} renews on {{renewal_date}} for {{amount}}, paid from your account credit first, then with {{payment_method}}.",
      "To change the card, pause or cancel, open your subscription: {{subscription_url}}",
    ].join("\n\n"),
  },
}

/** Whether `name` is one of Portico's templates. */
export function isEmailTemplate(name: unknown): name is EmailTemplateName {
  return typeof name === "string" && (EMAIL_TEMPLATES as string[]).includes(name)
}

/** The variables of a template, by name. */
export function variableNames(template: EmailTemplateName): string[] {
  return EMAIL_TEMPLATE_DEFINITIONS[template].variables.map((variable) => variable.name)
}

/** Sample values of a template's variables (the admin preview). */
export function sampleVariables(template: EmailTemplateName): Record<string, string> {
  return Object.fromEntries(EMAIL_TEMPLATE_DEFINITIONS[template].variables.map((x) => [x.name, x.example]))
}
