/**
 * The development / demo / test application for Portico.
 *
 * This file is NOT part of the published plugin: it loads `./src` as project
 * code (exactly what an app that installs `medusa-plugin-portico` gets through
 * its `plugins` entry), registers the store-credit plugin Portico builds on,
 * and switches to Redis-backed infrastructure when `REDIS_URL` is set.
 *
 * Every setting comes from the environment; `.env.template` documents them.
 */
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { appSecrets } from "./src/utils/app-secrets"
import { sellerFromEnv } from "./src/utils/seller"
import { storefrontUrlFromEnv } from "./src/utils/storefront-url"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

/**
 * The storefront's URL: links in emails and the default CORS origins. Set
 * `STOREFRONT_URL` (or `PORTICO_STOREFRONT_URL` for the emails only), else it
 * follows `STOREFRONT_PORT` (the port `npm run dev` starts the storefront on).
 */
const storefrontUrl = storefrontUrlFromEnv(process.env)
const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`

/**
 * Portico's own modules, loaded from ./src as project code, with the options an
 * installed plugin gets from its `options` (see the README's plugin options).
 */
const invoiceOptions = {
  number_prefix: process.env.PORTICO_INVOICE_NUMBER_PREFIX || undefined,
  number_padding: process.env.PORTICO_INVOICE_NUMBER_PADDING
    ? Number(process.env.PORTICO_INVOICE_NUMBER_PADDING)
    : undefined,
  // Bank transfer: the order is placed, the invoice stays open until the merchant marks it paid.
  deferred_payment_providers: (process.env.PORTICO_DEFERRED_PAYMENT_PROVIDERS ?? "pp_bank_transfer_default")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean),
  // The merchant the PDF invoices name (PORTICO_SELLER_*; demo address by default, the store's name).
  seller: sellerFromEnv(process.env),
}
/** Renewals and dunning (PORTICO_DUNNING_*, PORTICO_RENEWAL_REMINDER_DAYS; see the README). */
const subscriptionOptions = {
  dunning_retry_days: process.env.PORTICO_DUNNING_RETRY_DAYS
    ? process.env.PORTICO_DUNNING_RETRY_DAYS.split(",").map((d) => Number(d.trim()))
    : undefined,
  dunning_final_action: process.env.PORTICO_DUNNING_FINAL_ACTION === "past_due" ? ("past_due" as const) : ("cancel" as const),
  renewal_reminder_days: process.env.PORTICO_RENEWAL_REMINDER_DAYS ? Number(process.env.PORTICO_RENEWAL_REMINDER_DAYS) : undefined,
}
/** Product files and license keys (PORTICO_MAX_FILE_SIZE_MB, PORTICO_DOWNLOAD_LINK_TTL_SECONDS, PORTICO_LICENSE_RATE_*; see the README). */
const entitlementOptions = {
  max_file_size_mb: process.env.PORTICO_MAX_FILE_SIZE_MB ? Number(process.env.PORTICO_MAX_FILE_SIZE_MB) : undefined,
  download_link_ttl_seconds: process.env.PORTICO_DOWNLOAD_LINK_TTL_SECONDS ? Number(process.env.PORTICO_DOWNLOAD_LINK_TTL_SECONDS) : undefined,
  backend_url: backendUrl,
  license_rate_limits: {
    per_ip: process.env.PORTICO_LICENSE_RATE_PER_IP ? Number(process.env.PORTICO_LICENSE_RATE_PER_IP) : undefined,
    per_key: process.env.PORTICO_LICENSE_RATE_PER_KEY ? Number(process.env.PORTICO_LICENSE_RATE_PER_KEY) : undefined,
  },
}
const porticoModules = [
  { resolve: "./src/modules/catalog" },
  { resolve: "./src/modules/invoice", options: invoiceOptions },
  { resolve: "./src/modules/service-order" },
  { resolve: "./src/modules/intake" },
  { resolve: "./src/modules/email-template", options: { storefront_url: storefrontUrl } },
  { resolve: "./src/modules/subscription", options: subscriptionOptions },
  { resolve: "./src/modules/entitlement", options: entitlementOptions },
]

type ProviderEntry = { resolve: string; id: string; options?: Record<string, unknown> }

/**
 * Portico's providers. Medusa does not register a plugin's providers by
 * itself: an app lists them under the module that owns them, as below. The
 * payment and notification capabilities add theirs here (e.g.
 * `{ resolve: "./src/providers/paypal", id: "paypal", options: {…} }`).
 */
const paymentProviders: ProviderEntry[] = [
  {
    // Bank transfer (provider id `pp_bank_transfer_default`): no keys needed.
    resolve: "./src/providers/bank-transfer",
    id: "default",
    options: {
      account_holder: process.env.PORTICO_BANK_ACCOUNT_HOLDER || "Portico Demo Studio",
      iban: process.env.PORTICO_BANK_IBAN || "DE89 3704 0044 0532 0130 00",
      bic: process.env.PORTICO_BANK_BIC || "COBADEFFXXX",
      bank_name: process.env.PORTICO_BANK_NAME || "Demo Bank",
      instructions: process.env.PORTICO_BANK_INSTRUCTIONS || undefined,
    },
  },
  // Cards with Stripe (provider id `pp_stripe_stripe`) when STRIPE_API_KEY is set.
  ...(process.env.STRIPE_API_KEY
    ? [
        {
          resolve: "./src/providers/stripe",
          id: "stripe",
          options: {
            apiKey: process.env.STRIPE_API_KEY,
            webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
            // Services are paid when ordered: charge at once, not authorize-then-capture.
            capture: true,
            apiBaseUrl: process.env.STRIPE_API_BASE_URL || undefined,
          },
        },
      ]
    : []),
  // PayPal (provider id `pp_paypal_paypal`) when PAYPAL_CLIENT_ID is set.
  ...(process.env.PAYPAL_CLIENT_ID
    ? [
        {
          resolve: "./src/providers/paypal",
          id: "paypal",
          options: {
            client_id: process.env.PAYPAL_CLIENT_ID,
            client_secret: process.env.PAYPAL_CLIENT_SECRET,
            environment: process.env.PAYPAL_ENVIRONMENT === "live" ? "live" : "sandbox",
            webhook_id: process.env.PAYPAL_WEBHOOK_ID,
            api_base_url: process.env.PAYPAL_API_BASE_URL || undefined,
          },
        },
      ]
    : []),
]
const notificationProviders: ProviderEntry[] = [
  // Emails: Resend when RESEND_API_KEY is set, otherwise the dev mailbox
  // (each email written to PORTICO_MAILBOX_DIR, readable in the admin's "Mailbox").
  process.env.RESEND_API_KEY
    ? {
        resolve: "./src/providers/resend",
        id: "resend",
        options: { channels: ["email"], api_key: process.env.RESEND_API_KEY, from: process.env.RESEND_FROM },
      }
    : {
        resolve: "./src/providers/mailbox",
        id: "mailbox",
        options: { channels: ["email"], dir: process.env.PORTICO_MAILBOX_DIR },
      },
]

/**
 * Logins: Medusa's email + password (kept for existing password accounts and
 * the admin) and Portico's passwordless magic link for customers. Links open
 * the storefront's `/portal/login/verify` page and stay valid
 * `PORTICO_LOGIN_LINK_TTL_MINUTES` (15); at most `PORTICO_LOGIN_LINKS_PER_EMAIL`
 * (5) links per email and `PORTICO_LOGIN_REQUESTS_PER_IP` (30) requests per IP
 * address every 15 minutes (counted in Redis when `REDIS_URL` is set).
 */
const authModule = {
  resolve: "@medusajs/medusa/auth",
  options: {
    providers: [
      { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
      {
        resolve: "./src/providers/magic-link",
        id: "magic-link",
        options: {
          login_url: `${storefrontUrl}/portal/login`,
          token_ttl_minutes: process.env.PORTICO_LOGIN_LINK_TTL_MINUTES
            ? Number(process.env.PORTICO_LOGIN_LINK_TTL_MINUTES)
            : undefined,
          // Per 15 minutes: links asked for one email, and link requests + logins from one IP.
          rate_limits: {
            per_email: { points: Number(process.env.PORTICO_LOGIN_LINKS_PER_EMAIL || 5), duration_seconds: 900 },
            per_ip: { points: Number(process.env.PORTICO_LOGIN_REQUESTS_PER_IP || 30), duration_seconds: 900 },
          },
        },
      },
    ],
  },
}

const providerModules = [
  ...(paymentProviders.length
    ? [{ resolve: "@medusajs/medusa/payment", options: { providers: paymentProviders } }]
    : []),
  ...(notificationProviders.length
    ? [{ resolve: "@medusajs/medusa/notification", options: { providers: notificationProviders } }]
    : []),
]

/**
 * Files: Medusa's local file provider, with private files (intake uploads) kept
 * out of the publicly served `static/` folder. Portico streams them through
 * its own routes to their owner and to the merchant. Production apps register
 * an S3-compatible provider instead.
 */
const fileModule = {
  resolve: "@medusajs/medusa/file",
  options: {
    providers: [
      {
        resolve: "@medusajs/medusa/file-local",
        id: "local",
        options: {
          backend_url: `${process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"}/static`,
          private_upload_dir: process.env.PORTICO_PRIVATE_UPLOAD_DIR || ".data/uploads/private",
        },
      },
    ],
  },
}

/**
 * Multi-instance infrastructure: with `REDIS_URL` set, events, workflows,
 * locks and cache are shared through Redis so scheduled jobs run once per
 * tick across instances. Without it, Medusa's in-memory defaults are used.
 */
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { url: redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || storefrontUrl,
      adminCors: process.env.ADMIN_CORS || backendUrl,
      authCors: process.env.AUTH_CORS || `${storefrontUrl},${backendUrl}`,
      // Customers log in by password or by magic link; admins by password only.
      authMethodsPerActor: { customer: ["emailpass", "magic-link"], user: ["emailpass"] },
      // Production refuses to start without real secrets; development warns and uses its own.
      ...appSecrets(),
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
    backendUrl,
  },
  modules: [...porticoModules, authModule, fileModule, ...providerModules, ...redisModules],
  plugins: [
    {
      // Medusa's official store-credit module: per-customer accounts, the
      // ledger and cart credit lines. Portico builds on it (see README).
      resolve: "@medusajs/loyalty-plugin",
      options: {},
    },
  ],
})
