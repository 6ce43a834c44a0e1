/**
 * Demo data for `npm run dev`, run with `medusa exec ./scripts/seed-demo.ts`.
 *
 * Idempotent: every record is looked up by a natural key (currency, region
 * name, country, channel name, key title, product handle, promotion code,
 * folder handle, admin email) and created only when missing, so running it on
 * every start never duplicates anything. Writes what the developer needs to
 * log in and call the store API to `.data/demo.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
// Only the module's key and types: the seed also runs in apps where Portico is
// installed as a package (bench) or absent (stock Medusa, for comparison).
import { PORTICO_CATALOG_MODULE } from "../src/modules/catalog/constants"
import type CatalogModuleService from "../src/modules/catalog/service"

export const DEMO_ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@portico.test"
export const DEMO_ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "portico-demo"
/** A demo client with an account and account credit, to try the checkout with credit. */
export const DEMO_CLIENT_EMAIL = process.env.DEMO_CLIENT_EMAIL || "client@portico.test"
export const DEMO_CLIENT_PASSWORD = process.env.DEMO_CLIENT_PASSWORD || "portico-demo"
/** Account credit the demo client starts with (USD). */
export const DEMO_CLIENT_CREDIT = 200
const CHANNEL_NAME = "Portico Storefront"
const KEY_TITLE = "Portico Storefront"

const REGIONS = [
  {
    name: "United States",
    currency_code: "usd",
    countries: [{ code: "us", rate: 8, tax_name: "Sales tax" }],
  },
  {
    name: "Europe",
    currency_code: "eur",
    countries: [
      { code: "de", rate: 19, tax_name: "MwSt" },
      { code: "fr", rate: 20, tax_name: "TVA" },
      { code: "nl", rate: 21, tax_name: "BTW" },
      { code: "es", rate: 21, tax_name: "IVA" },
      { code: "it", rate: 22, tax_name: "IVA" },
    ],
  },
]

type Price = { amount: number; currency_code: string }
const both = (usd: number, eur: number): Price[] => [
  { amount: usd, currency_code: "usd" },
  { amount: eur, currency_code: "eur" },
]

const FOLDERS = [
  { handle: "design", name: "Design", description: "Logos, brand identity and visual design.", position: 0 },
  { handle: "marketing", name: "Marketing", description: "Audits, SEO and content that brings clients in.", position: 1 },
  { handle: "consulting", name: "Consulting", description: "Workshops and one-to-one sessions.", position: 2 },
]

/** Services are products that need no shipping: no shipping profile, no inventory. */
/** Portico's bank-transfer provider as the demo app registers it. */
const BANK_TRANSFER_PROVIDER = "pp_bank_transfer_default"
/** Card and PayPal payments, registered by medusa-config.ts when their keys are set. */
const ONLINE_PROVIDERS = ["pp_stripe_stripe", "pp_paypal_paypal"]

/** The demo's intake form, asked after buying a logo. */
const LOGO_BRIEF = {
  title: "Logo brief",
  description: "Tell us about your brand so we can start sketching.",
  fields: [
    { key: "brand_name", type: "text", label: "Brand name", required: true, max_length: 80 },
    { key: "tagline", type: "text", label: "Tagline", help_text: "Leave empty if you have none.", required: false, max_length: 120 },
    { key: "about", type: "long_text", label: "What does your business do?", required: true, min_length: 20, max_length: 2000 },
    { key: "style", type: "select", label: "Style", required: true, options: ["Minimal", "Playful", "Classic", "Bold"] },
    { key: "uses", type: "multi_select", label: "Where will the logo appear?", required: false, options: ["Website", "Print", "Social media", "Signage"] },
    { key: "contact", type: "email", label: "Who approves the drafts?", required: true },
    { key: "website", type: "url", label: "Current website", required: false },
    { key: "deadline", type: "date", label: "Needed by", required: false, not_in_past: true },
    { key: "concepts", type: "number", label: "Concepts you would like to see", required: false, min: 1, max: 5 },
    { key: "references", type: "file", label: "References or an old logo", required: false, accept: ["image/*", ".pdf"], max_size_mb: 10, max_files: 3 },
    { key: "rights", type: "checkbox", label: "I own the rights to the material I send", required: true },
  ],
}

const SERVICES: {
  handle: string
  title: string
  description: string
  folder: string
  /** Portico service settings beyond the folder (one-time, submitted when omitted). */
  settings?: Record<string, unknown>
  /** What the service page tells clients: what is included, turnaround, what follows the purchase. */
  page: { included: string; turnaround: string; next_steps: string }
  options?: { title: string; values: string[] }
  variants: { title: string; sku: string; option?: string; prices: Price[] }[]
}[] = [
  {
    handle: "logo-design",
    title: "Logo design",
    description: "A custom logo with source files, in two packages.",
    folder: "design",
    options: { title: "Package", values: ["Basic", "Premium"] },
    page: {
      included: "Three first concepts\nTwo rounds of changes\nFinal logo in SVG, PNG and PDF\nColour and black-and-white versions",
      turnaround: "First concepts in 5 business days",
      next_steps: "After paying you fill in a short brief (your business, style, colours you like). We start as soon as we have it.",
    },
    variants: [
      { title: "Basic", sku: "LOGO-BASIC", option: "Basic", prices: both(300, 280) },
      { title: "Premium", sku: "LOGO-PREMIUM", option: "Premium", prices: both(600, 560) },
    ],
  },
  {
    handle: "icon-set",
    title: "Icon set (commercial license)",
    description: "120 line icons in SVG and PNG, with a license key for the design plugin.",
    folder: "design",
    settings: { files_enabled: true, license_keys_enabled: true, license_activation_limit: 2 },
    page: {
      included: "120 icons in SVG and PNG\nA license key for two computers\nFree updates: download the latest version any time",
      turnaround: "Download right after paying",
      next_steps: "After paying, open your portal's Files & keys: download the set and copy your license key.",
    },
    variants: [{ title: "Default", sku: "ICONS", prices: both(49, 45) }],
  },
  {
    handle: "website-audit",
    title: "Website audit",
    description: "A written review of your site's speed, SEO and accessibility.",
    folder: "marketing",
    page: {
      included: "Speed and Core Web Vitals review\nSEO check of your main pages\nAccessibility check (WCAG 2.2 AA)\nA written report with priorities",
      turnaround: "Report in 7 business days",
      next_steps: "After paying you send us your site's address and what worries you most; we confirm by email and start.",
    },
    variants: [{ title: "Default", sku: "AUDIT", prices: both(450, 420) }],
  },
  {
    handle: "seo-retainer",
    title: "Monthly SEO retainer",
    description: "Ongoing keyword work, content briefs and a monthly report.",
    folder: "marketing",
    settings: { billing_type: "recurring", interval: "month", interval_count: 1, start_status: "working" },
    page: {
      included: "Keyword research and tracking\nTwo content briefs a month\nOn-page fixes\nA monthly report",
      turnaround: "Work starts within 3 business days; a report every month",
      next_steps: "After paying we book a 30-minute kick-off call to agree on goals and keywords.",
    },
    variants: [{ title: "Default", sku: "SEO-MONTHLY", prices: both(900, 850) }],
  },
  {
    handle: "copywriting",
    title: "Copywriting (1,000 words)",
    description: "Web or blog copy written for your audience.",
    folder: "marketing",
    page: {
      included: "Up to 1,000 words\nOne round of changes\nSEO title and description",
      turnaround: "Draft in 4 business days",
      next_steps: "After paying you send us the topic, your audience and any notes; we write the draft.",
    },
    variants: [{ title: "Default", sku: "COPY-1000", prices: both(120, 110) }],
  },
  {
    handle: "brand-workshop-eu",
    title: "Brand strategy workshop (EU)",
    description: "A half-day workshop held in Europe. Priced in euros only.",
    folder: "consulting",
    page: {
      included: "A half-day workshop (4 hours) for up to 6 people\nPreparation call\nA written summary with next steps",
      turnaround: "Scheduled within 3 weeks",
      next_steps: "After paying we email you to pick a date and place.",
    },
    variants: [
      { title: "Default", sku: "WORKSHOP-EU", prices: [{ amount: 1200, currency_code: "eur" }] },
    ],
  },
  {
    handle: "us-tax-consultation",
    title: "US tax consultation",
    description: "A one-hour call with a US tax adviser. Priced in dollars only.",
    folder: "consulting",
    page: {
      included: "A one-hour video call with a US tax adviser\nA short written summary",
      turnaround: "Call within 5 business days",
      next_steps: "After paying we email you a link to book the call and a list of documents to have at hand.",
    },
    variants: [
      { title: "Default", sku: "TAX-US", prices: [{ amount: 250, currency_code: "usd" }] },
    ],
  },
]

export const DEMO_COUPON = "WELCOME10"

/** What the demo seed leaves for a developer, a test or the storefront. */
export type DemoInfo = {
  admin_email: string
  admin_password: string
  /** A client login with `DEMO_CLIENT_CREDIT` USD of account credit (where the store-credit module is installed). */
  client_email: string
  client_password: string
  publishable_key: string
  sales_channel_id: string
  coupon: string
  region_ids: Record<string, string>
  /** Product id of each demo service, by handle. */
  service_ids: Record<string, string>
}

/**
 * Creates whatever of the demo data is missing and returns the keys to use
 * it. Shared by `npm run dev` and the HTTP tests.
 */
export async function seedDemoData(container: ExecArgs["container"]): Promise<DemoInfo> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const productModule = container.resolve(Modules.PRODUCT)
  const promotionModule = container.resolve(Modules.PROMOTION)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const catalog = container.hasRegistration(PORTICO_CATALOG_MODULE)
    ? container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    : undefined

  // Sales channel and store currencies
  let [channel] = await salesChannelModule.listSalesChannels({ name: CHANNEL_NAME })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: CHANNEL_NAME, description: "The Portico demo storefront" }] },
    })
    channel = result[0]
  }
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const currencies = new Set(store.supported_currencies?.map((c) => c.currency_code))
  if (!currencies.has("usd") || !currencies.has("eur") || store.default_sales_channel_id !== channel.id) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Portico Demo Studio",
          supported_currencies: [
            { currency_code: "usd", is_default: true },
            { currency_code: "eur" },
          ],
          default_sales_channel_id: channel.id,
        },
      },
    })
  }

  // Regions and tax regions. Payment: Stripe and PayPal where the app
  // registers them (their keys are set), otherwise Medusa's system provider
  // (a test payment, paid at checkout); and Portico's bank transfer.
  const paymentModule = container.resolve(Modules.PAYMENT)
  const registered = new Set(
    (await paymentModule.listPaymentProviders({ id: [...ONLINE_PROVIDERS, BANK_TRANSFER_PROVIDER] })).map((p) => p.id)
  )
  const online = ONLINE_PROVIDERS.filter((id) => registered.has(id))
  const payment_providers = [
    ...(online.length ? online : ["pp_system_default"]),
    ...(registered.has(BANK_TRANSFER_PROVIDER) ? [BANK_TRANSFER_PROVIDER] : []),
  ]
  const region_ids: Record<string, string> = {}
  for (const region of REGIONS) {
    let [existing] = await regionModule.listRegions({ name: region.name })
    if (!existing) {
      const { result } = await createRegionsWorkflow(container).run({
        input: {
          regions: [
            {
              name: region.name,
              currency_code: region.currency_code,
              countries: region.countries.map((c) => c.code),
              payment_providers,
            },
          ],
        },
      })
      existing = result[0]
    }
    region_ids[region.currency_code] = existing.id
    const taxRegions = await taxModule.listTaxRegions({
      country_code: region.countries.map((c) => c.code),
    })
    // Country-level tax regions only (provinces carry a parent_id).
    const haveTax = new Set(taxRegions.filter((t) => !t.parent_id).map((t) => t.country_code))
    const missing = region.countries.filter((c) => !haveTax.has(c.code))
    if (missing.length) {
      await createTaxRegionsWorkflow(container).run({
        input: missing.map((c) => ({
          country_code: c.code,
          provider_id: "tp_system",
          default_tax_rate: { rate: c.rate, code: c.tax_name.toUpperCase().replace(/\s+/g, "_"), name: c.tax_name },
        })),
      })
    }
  }

  // Publishable API key for the storefront
  let [apiKey] = await apiKeyModule.listApiKeys({ title: KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: KEY_TITLE, type: "publishable", created_by: "portico-seed" }] },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [channel.id] },
    })
  }

  // Folders (when Portico is installed), through Portico's public workflow,
  // called by id so the seed runs against the app's own copy of it.
  let newFolders: typeof FOLDERS = []
  if (catalog) {
    const folders = await catalog.listServiceFolders({ handle: FOLDERS.map((f) => f.handle) })
    const haveFolders = new Set(folders.map((f) => f.handle))
    newFolders = FOLDERS.filter((f) => !haveFolders.has(f.handle))
    if (newFolders.length) {
      const engine = container.resolve(Modules.WORKFLOW_ENGINE)
      await engine.run("portico-create-folders", { input: { folders: newFolders } })
    }
  }

  // Services
  const products = await productModule.listProducts({ handle: SERVICES.map((s) => s.handle) })
  const haveProducts = new Set(products.map((p) => p.handle))
  const newServices = SERVICES.filter((s) => !haveProducts.has(s.handle))
  if (newServices.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: newServices.map((s) => ({
          title: s.title,
          handle: s.handle,
          description: s.description,
          status: ProductStatus.PUBLISHED,
          discountable: true,
          metadata: { portico_demo_folder: s.folder },
          options: [s.options ?? { title: "Service", values: ["Default"] }],
          variants: s.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            manage_inventory: false,
            options: { [s.options?.title ?? "Service"]: v.option ?? "Default" },
            prices: v.prices,
          })),
          sales_channels: [{ id: channel.id }],
        })),
      },
    })
  }

  const services = await productModule.listProducts({ handle: SERVICES.map((s) => s.handle) })
  const service_ids = Object.fromEntries(services.map((p) => [p.handle, p.id]))

  // New services go into their folders, with their Portico settings.
  if (catalog && newServices.length) {
    const folders = await catalog.listServiceFolders({ handle: FOLDERS.map((f) => f.handle) })
    const folderId = new Map(folders.map((f) => [f.handle, f.id]))
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    await engine.run("portico-upsert-service-settings", {
      input: {
        settings: newServices.map((s) => ({
          product_id: service_ids[s.handle],
          folder_id: folderId.get(s.folder) ?? null,
          ...s.settings,
          ...s.page,
        })),
      },
    })
  }
  // Demo services created before the service page texts existed get them
  // (once: a service with any of the three set keeps the merchant's texts).
  if (catalog) {
    const rows = await catalog.listServiceSettings({ product_id: Object.values(service_ids) })
    const blank = SERVICES.filter((s) => {
      const row = rows.find((r) => r.product_id === service_ids[s.handle])
      return row && !row.included && !row.turnaround && !row.next_steps
    })
    if (blank.length) {
      await container.resolve(Modules.WORKFLOW_ENGINE).run("portico-upsert-service-settings", {
        input: { settings: blank.map((s) => ({ product_id: service_ids[s.handle], ...s.page })) },
      })
    }
  }

  // The icon set's file (once: a merchant's later files are kept).
  if (catalog && container.hasRegistration("porticoEntitlement") && service_ids["icon-set"]) {
    const entitlement = container.resolve("porticoEntitlement") as {
      listProductFiles: (f: { product_id: string }) => Promise<{ id: string }[]>
      addProductFile: (input: { product_id: string; title: string; version: Record<string, unknown> }) => Promise<string>
    }
    if (!(await entitlement.listProductFiles({ product_id: service_ids["icon-set"] })).length) {
      const readme = "Portico demo icon set\n\nThis stands in for the icon set's ZIP: replace it in the admin (product page, Files).\n"
      const [stored] = await container.resolve(Modules.FILE).createFiles([
        { filename: "icon-set-readme.txt", mimeType: "text/plain", content: Buffer.from(readme).toString("base64"), access: "private" },
      ])
      await entitlement.addProductFile({
        product_id: service_ids["icon-set"],
        title: "Icon set (read me)",
        version: { file_key: stored.id, filename: "icon-set-readme.txt", mime_type: "text/plain", size: Buffer.byteLength(readme) },
      })
    }
  }

  // An intake form for the logo service (once: a merchant's later choice is kept).
  if (catalog && container.hasRegistration("porticoIntake")) {
    const intake = container.resolve("porticoIntake") as {
      listIntakeForms: (f: { title: string }) => Promise<{ id: string }[]>
    }
    const [existing] = await intake.listIntakeForms({ title: LOGO_BRIEF.title })
    if (!existing) {
      const engine = container.resolve(Modules.WORKFLOW_ENGINE)
      const { result } = (await engine.run("portico-save-intake-form", { input: LOGO_BRIEF })) as { result: { id: string } }
      await engine.run("portico-upsert-service-settings", {
        input: { settings: [{ product_id: service_ids["logo-design"], intake_form_id: result.id }] },
      })
    }
  }

  // Coupon
  const [coupon] = await promotionModule.listPromotions({ code: DEMO_COUPON })
  if (!coupon) {
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [
          {
            code: DEMO_COUPON,
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: {
              type: "percentage",
              target_type: "order",
              allocation: "across",
              value: 10,
            },
          },
        ],
      },
    })
  }

  // Admin login
  const [admin] = await userModule.listUsers({ email: DEMO_ADMIN_EMAIL })
  if (!admin) {
    const { result: users } = await createUsersWorkflow(container).run({
      input: { users: [{ email: DEMO_ADMIN_EMAIL, first_name: "Demo", last_name: "Merchant" }] },
    })
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: DEMO_ADMIN_EMAIL, password: DEMO_ADMIN_PASSWORD },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not create the demo admin login: ${error}`)
    }
    await authModule.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { user_id: users[0].id },
    })
  }

  // Demo client with account credit (the store-credit module is absent in the
  // stock-Medusa app the benchmarks compare with: then no credit).
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [client] = await customerModule.listCustomers({ email: DEMO_CLIENT_EMAIL, has_account: true })
  if (!client) {
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: DEMO_CLIENT_EMAIL, password: DEMO_CLIENT_PASSWORD },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not create the demo client login: ${error}`)
    }
    const { result: customer } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentity.id,
        customerData: { email: DEMO_CLIENT_EMAIL, first_name: "Casey", last_name: "Client" },
      },
    })
    if (container.hasRegistration("store_credit")) {
      type StoreCredit = {
        createStoreCreditAccounts: (data: { customer_id: string; currency_code: string }) => Promise<{ id: string }>
        creditAccounts: (data: { account_id: string; amount: number; reference: string; reference_id: string; note: string }[]) => Promise<unknown>
      }
      const storeCredit = container.resolve<StoreCredit>("store_credit")
      const account = await storeCredit.createStoreCreditAccounts({ customer_id: customer.id, currency_code: "usd" })
      await storeCredit.creditAccounts([
        { account_id: account.id, amount: DEMO_CLIENT_CREDIT, reference: "admin", reference_id: "portico-seed", note: "Welcome credit (demo)" },
      ])
    }
  }

  logger.info(
    `Demo data ready: ${newServices.length} services, ${newFolders.length} folders created (others already there)`
  )
  return {
    admin_email: DEMO_ADMIN_EMAIL,
    admin_password: DEMO_ADMIN_PASSWORD,
    client_email: DEMO_CLIENT_EMAIL,
    client_password: DEMO_CLIENT_PASSWORD,
    publishable_key: apiKey.token,
    sales_channel_id: channel.id,
    coupon: DEMO_COUPON,
    region_ids,
    service_ids,
  }
}

/**
 * `medusa exec` entry point: seeds, then writes the keys to
 * `PORTICO_DEMO_FILE` (default `.data/demo.json`) for `npm run dev`.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const demo = await seedDemoData(container)
  const file = path.resolve(process.env.PORTICO_DEMO_FILE || ".data/demo.json")
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(demo, null, 2) + "\n")
}
