import { MedusaService } from "@medusajs/framework/utils"
import { storefrontUrlFromEnv } from "../../utils/storefront-url"
import { EmailTemplate } from "./models/email-template"
import type { EmailOverride } from "./templates/render"

/**
 * Options of the email-template module (an installed plugin takes them as
 * plugin options). Each falls back to an environment variable.
 */
export type EmailTemplateModuleOptions = {
  /**
   * Base URL of the storefront, for the intake and portal links. Env
   * `PORTICO_STOREFRONT_URL`, else `STOREFRONT_URL`, else
   * `http://localhost:<STOREFRONT_PORT>` (default port 8000).
   */
  storefront_url?: string
  /** Where the merchant's new-order notice goes. Env `PORTICO_MERCHANT_EMAIL`; unset: not sent. */
  merchant_email?: string
  /** Base URL of the Medusa backend (admin links). Env `MEDUSA_BACKEND_URL`, default `http://localhost:9000`. */
  backend_url?: string
}

/** The settings Portico's emails are built with. */
export type EmailSettings = {
  storefront_url: string
  merchant_email: string | null
  backend_url: string
}

const trimSlash = (url: string) => url.replace(/\/+$/, "")

/**
 * Portico's email-template module: merchants' overrides of the subject and
 * body of each email, and the settings (links, merchant address) emails are
 * built with.
 */
export default class EmailTemplateModuleService extends MedusaService({ EmailTemplate }) {
  protected readonly options_: EmailTemplateModuleOptions

  constructor(container: Record<string, unknown>, options: EmailTemplateModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.options_ = options ?? {}
  }

  /** Links and addresses for emails: module options first, then the environment, then defaults. */
  getSettings(): EmailSettings {
    const env = process.env
    return {
      storefront_url: this.options_.storefront_url ? trimSlash(this.options_.storefront_url) : storefrontUrlFromEnv(env),
      merchant_email: this.options_.merchant_email || env.PORTICO_MERCHANT_EMAIL || null,
      backend_url: trimSlash(this.options_.backend_url || env.MEDUSA_BACKEND_URL || "http://localhost:9000"),
    }
  }

  /** The merchant's enabled override of `template`, or null (send the default). */
  async getActiveOverride(template: string): Promise<EmailOverride | null> {
    const [row] = await this.listEmailTemplates({ template }, { take: 1 })
    if (!row || !row.enabled || (!row.subject && !row.body)) {
      return null
    }
    return { subject: row.subject, body: row.body }
  }
}
