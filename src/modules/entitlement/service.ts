import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PorticoErrorCode, type PorticoErrorCodeType } from "../../utils/errors"
import { LicenseKeyStatus, type LicenseKeyStatusType } from "./constants"
import { generateLicenseKey, normalizeLicenseKey } from "./license-key-format"
import { FileDownload } from "./models/file-download"
import { LicenseInstance } from "./models/license-instance"
import { LicenseKey } from "./models/license-key"
import { ProductFile } from "./models/product-file"
import { ProductFileVersion } from "./models/product-file-version"

/** Options of the entitlement module (Portico's plugin options of the same names). */
export type EntitlementModuleOptions = {
  /** Largest product file the merchant may upload, in MB (default 512). */
  max_file_size_mb?: number
  /** How long a download link works, in seconds (default 300). */
  download_link_ttl_seconds?: number
  /** The backend's public URL, which download links point at (default: the host the portal's request came to). */
  backend_url?: string
  /** License API requests allowed per IP address and per key each minute (default 60 and 30). */
  license_rate_limits?: { per_ip?: number; per_key?: number }
}

/** A license key to issue: one purchased unit. */
export type NewLicenseKey = {
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
  activation_limit: number | null
  expires_at: Date | null
  expires_with_subscription: boolean
}

/** A license key row as the service's locked verbs read it. */
export type LicenseKeyRow = {
  id: string
  key: string
  status: LicenseKeyStatusType
  product_id: string | null
  activation_limit: number | null
  expires_at: Date | null
  disabled_reason: string | null
}

/** A stored upload to attach as a file version. */
export type NewFileVersion = { file_key: string; filename: string; mime_type: string; size: number; created_by?: string | null }

/** Why the license API refused, with Portico's stable code. */
export type LicenseRefusal = { code: PorticoErrorCodeType; message: string }

/** What an activation did. */
export type ActivationResult =
  | { ok: true; key: LicenseKeyRow; instance: { id: string; name: string; created_at: Date }; created: boolean }
  | { ok: false; key: LicenseKeyRow | null; refusal: LicenseRefusal }

/** What a deactivation did. */
export type DeactivationResult =
  | { ok: true; key: LicenseKeyRow; instance_id: string; changed: boolean }
  | { ok: false; key: LicenseKeyRow | null; refusal: LicenseRefusal }

const KEY_COLUMNS = "id, key, status, product_id, activation_limit, expires_at, disabled_reason"

const NOT_FOUND: LicenseRefusal = { code: PorticoErrorCode.LICENSE_KEY_NOT_FOUND, message: "license_key not found." }

/**
 * The status a key has at `now`: a key past `expires_at` is `expired` even
 * before the expiry job has written it.
 */
export function effectiveKeyStatus(row: Pick<LicenseKeyRow, "status" | "expires_at">, now: Date): LicenseKeyStatusType {
  if ((row.status === LicenseKeyStatus.ACTIVE || row.status === LicenseKeyStatus.INACTIVE) && row.expires_at && new Date(row.expires_at) <= now) {
    return LicenseKeyStatus.EXPIRED
  }
  return row.status
}

/** Why a key in this status cannot be used, or null when it can. */
export function keyRefusal(status: LicenseKeyStatusType): LicenseRefusal | null {
  if (status === LicenseKeyStatus.DISABLED) {
    return { code: PorticoErrorCode.LICENSE_KEY_DISABLED, message: "This license key is disabled." }
  }
  if (status === LicenseKeyStatus.EXPIRED) {
    return { code: PorticoErrorCode.LICENSE_KEY_EXPIRED, message: "This license key has expired." }
  }
  return null
}

/**
 * Portico's entitlement module: the files of services (with versions and a
 * download record) and license keys (one per purchased unit) with their
 * activations. Every change of a key runs under the key's row lock in one
 * transaction, so concurrent activations never pass its limit. The clock is
 * the caller's (`now`).
 */
export default class EntitlementModuleService extends MedusaService({
  ProductFile,
  ProductFileVersion,
  FileDownload,
  LicenseKey,
  LicenseInstance,
}) {
  protected readonly options_: {
    max_file_size_mb: number
    download_link_ttl_seconds: number
    backend_url: string | null
    license_rate_limits: { per_ip: number; per_key: number }
  }

  constructor(container: Record<string, unknown>, options: EntitlementModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    const positive = (n: number | undefined, d: number) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : d)
    this.options_ = {
      max_file_size_mb: positive(options.max_file_size_mb, 512),
      download_link_ttl_seconds: Math.round(positive(options.download_link_ttl_seconds, 300)),
      backend_url: options.backend_url || null,
      license_rate_limits: {
        per_ip: Math.round(positive(options.license_rate_limits?.per_ip, 60)),
        per_key: Math.round(positive(options.license_rate_limits?.per_key, 30)),
      },
    }
  }

  /** The options in force. */
  getSettings() {
    return { ...this.options_, license_rate_limits: { ...this.options_.license_rate_limits } }
  }

  // ------------------------------------------------------------------ files

  /** Adds a file to a service with its first version. Returns the file id. */
  @InjectTransactionManager()
  async addProductFile(
    input: { product_id: string; title: string; version: NewFileVersion },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<string> {
    const manager = ctx.transactionManager!
    const id = generateEntityId(undefined, "pfile")
    const [{ next }] = (await manager.execute(
      `select coalesce(max(position) + 1, 0) as next from portico_product_file where product_id = ? and deleted_at is null`,
      [input.product_id]
    )) as { next: number }[]
    await manager.execute(`insert into portico_product_file (id, product_id, title, position) values (?, ?, ?, ?)`, [
      id,
      input.product_id,
      input.title,
      Number(next),
    ])
    await this.insertVersion(manager, id, 1, input.version)
    return id
  }

  /**
   * Adds the next version of a file (under the file's row lock, so two
   * replacements at once get versions n+1 and n+2). Returns the version
   * number, or null when the file does not exist (or was removed).
   */
  @InjectTransactionManager()
  async addProductFileVersion(
    fileId: string,
    version: NewFileVersion,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<number | null> {
    const manager = ctx.transactionManager!
    const [file] = (await manager.execute(
      `select id from portico_product_file where id = ? and deleted_at is null for update`,
      [fileId]
    )) as { id: string }[]
    if (!file) {
      return null
    }
    const [{ last }] = (await manager.execute(
      `select coalesce(max(version), 0) as last from portico_product_file_version where file_id = ?`,
      [fileId]
    )) as { last: number }[]
    const n = Number(last) + 1
    await this.insertVersion(manager, fileId, n, version)
    await manager.execute(`update portico_product_file set updated_at = now() where id = ?`, [fileId])
    return n
  }

  protected async insertVersion(manager: EntityManager, fileId: string, n: number, v: NewFileVersion) {
    await manager.execute(
      `insert into portico_product_file_version (id, file_id, version, file_key, filename, mime_type, size, raw_size, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)`,
      [
        generateEntityId(undefined, "pfver"),
        fileId,
        n,
        v.file_key,
        v.filename,
        v.mime_type,
        v.size,
        JSON.stringify({ value: String(v.size), precision: 20 }),
        v.created_by ?? null,
      ]
    )
  }

  // ------------------------------------------------------------ license keys

  /**
   * Issues the keys that do not exist yet (unique per line item and unit, so
   * a repeated post-payment run issues nothing more). Returns the ids issued
   * by this call.
   */
  @InjectTransactionManager()
  async issueMissingLicenseKeys(rows: NewLicenseKey[], @MedusaContext() ctx: Context<EntityManager> = {}): Promise<string[]> {
    const manager = ctx.transactionManager!
    const issued: string[] = []
    for (const row of rows) {
      const inserted = (await manager.execute(
        `insert into portico_license_key
           (id, key, status, product_id, variant_id, title, variant_title, order_id, order_display_id, line_item_id,
            unit_index, service_order_id, subscription_id, customer_id, email, activation_limit, expires_at,
            expires_with_subscription)
         values (?, ?, 'inactive', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (line_item_id, unit_index) where deleted_at is null do nothing
         returning id`,
        [
          generateEntityId(undefined, "lkey"),
          generateLicenseKey(),
          row.product_id,
          row.variant_id,
          row.title,
          row.variant_title,
          row.order_id,
          row.order_display_id,
          row.line_item_id,
          row.unit_index,
          row.service_order_id,
          row.subscription_id,
          row.customer_id,
          row.email,
          row.activation_limit,
          row.expires_at,
          row.expires_with_subscription,
        ]
      )) as { id: string }[]
      issued.push(...inserted.map((r) => r.id))
    }
    return issued
  }

  protected async lockByKey(manager: EntityManager, key: string): Promise<LicenseKeyRow | null> {
    const normalized = normalizeLicenseKey(key)
    if (!normalized) {
      return null
    }
    const [row] = (await manager.execute(
      `select ${KEY_COLUMNS} from portico_license_key where key = ? and deleted_at is null for update`,
      [normalized]
    )) as LicenseKeyRow[]
    return row ?? null
  }

  protected async lockById(manager: EntityManager, id: string): Promise<LicenseKeyRow | null> {
    const [row] = (await manager.execute(
      `select ${KEY_COLUMNS} from portico_license_key where id = ? and deleted_at is null for update`,
      [id]
    )) as LicenseKeyRow[]
    return row ?? null
  }

  protected async activeCount(manager: EntityManager, keyId: string): Promise<number> {
    const [{ n }] = (await manager.execute(
      `select count(*)::int as n from portico_license_instance where license_key_id = ? and deactivated_at is null and deleted_at is null`,
      [keyId]
    )) as { n: number }[]
    return Number(n)
  }

  /** Writes the status that follows from the active instances (`active` with one or more, else `inactive`), unless disabled or expired. */
  protected async settleUsageStatus(manager: EntityManager, key: LicenseKeyRow, now: Date): Promise<LicenseKeyRow> {
    const current = effectiveKeyStatus(key, now)
    if (current === LicenseKeyStatus.DISABLED || current === LicenseKeyStatus.EXPIRED) {
      return { ...key, status: current }
    }
    const status = (await this.activeCount(manager, key.id)) > 0 ? LicenseKeyStatus.ACTIVE : LicenseKeyStatus.INACTIVE
    if (status !== key.status) {
      await manager.execute(`update portico_license_key set status = ?, updated_at = now() where id = ?`, [status, key.id])
    }
    return { ...key, status }
  }

  /**
   * Activates a key for one installation, under the key's row lock: refused
   * when the key is unknown, disabled or expired, belongs to another product
   * than `product_id` (no slot used), or every slot is taken. An active
   * instance with the same fingerprint (default: the instance name) is
   * returned as it is, using no new slot.
   */
  @InjectTransactionManager()
  async activateLicenseKey(
    input: { key: string; name: string; fingerprint?: string | null; product_id?: string | null; now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<ActivationResult> {
    const manager = ctx.transactionManager!
    const key = await this.lockByKey(manager, input.key)
    if (!key) {
      return { ok: false, key: null, refusal: NOT_FOUND }
    }
    if (input.product_id && input.product_id !== key.product_id) {
      return {
        ok: false,
        key,
        refusal: { code: PorticoErrorCode.LICENSE_PRODUCT_MISMATCH, message: "This license key is for another product." },
      }
    }
    const refusal = keyRefusal(effectiveKeyStatus(key, input.now))
    if (refusal) {
      return { ok: false, key: { ...key, status: effectiveKeyStatus(key, input.now) }, refusal }
    }
    const fingerprint = (input.fingerprint || input.name).trim()
    const [existing] = (await manager.execute(
      `select id, name, created_at from portico_license_instance
        where license_key_id = ? and fingerprint = ? and deactivated_at is null and deleted_at is null`,
      [key.id, fingerprint]
    )) as { id: string; name: string; created_at: Date }[]
    if (existing) {
      return { ok: true, key: await this.settleUsageStatus(manager, key, input.now), instance: existing, created: false }
    }
    if (key.activation_limit !== null && (await this.activeCount(manager, key.id)) >= key.activation_limit) {
      return {
        ok: false,
        key,
        refusal: {
          code: PorticoErrorCode.ACTIVATION_LIMIT_REACHED,
          message: `This license key has reached its activation limit (${key.activation_limit}).`,
        },
      }
    }
    const id = generateEntityId(undefined, "linst")
    const [instance] = (await manager.execute(
      `insert into portico_license_instance (id, license_key_id, name, fingerprint) values (?, ?, ?, ?) returning id, name, created_at`,
      [id, key.id, input.name, fingerprint]
    )) as { id: string; name: string; created_at: Date }[]
    return { ok: true, key: await this.settleUsageStatus(manager, key, input.now), instance, created: true }
  }

  /**
   * Frees one activation of a key (found by the key text, or by id with
   * `key_id`). Deactivating an instance that is already inactive answers
   * `changed: false`; an instance of another key is refused as not found.
   */
  @InjectTransactionManager()
  async deactivateLicenseInstance(
    input: { key?: string; key_id?: string; instance_id: string; now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<DeactivationResult> {
    const manager = ctx.transactionManager!
    const key = input.key_id ? await this.lockById(manager, input.key_id) : await this.lockByKey(manager, input.key ?? "")
    if (!key) {
      return { ok: false, key: null, refusal: NOT_FOUND }
    }
    const [instance] = (await manager.execute(
      `select id, deactivated_at from portico_license_instance where id = ? and license_key_id = ? and deleted_at is null`,
      [input.instance_id, key.id]
    )) as { id: string; deactivated_at: Date | null }[]
    if (!instance) {
      return {
        ok: false,
        key,
        refusal: { code: PorticoErrorCode.LICENSE_INSTANCE_NOT_FOUND, message: "instance_id not found." },
      }
    }
    if (instance.deactivated_at) {
      return { ok: true, key: await this.settleUsageStatus(manager, key, input.now), instance_id: instance.id, changed: false }
    }
    await manager.execute(`update portico_license_instance set deactivated_at = ?, updated_at = now() where id = ?`, [input.now, instance.id])
    return { ok: true, key: await this.settleUsageStatus(manager, key, input.now), instance_id: instance.id, changed: true }
  }

  /** Deactivates every active instance of a key (the merchant's reset). Returns the instances freed. */
  @InjectTransactionManager()
  async resetLicenseActivations(id: string, now: Date, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<string[] | null> {
    const manager = ctx.transactionManager!
    const key = await this.lockById(manager, id)
    if (!key) {
      return null
    }
    const freed = (await manager.execute(
      `update portico_license_instance set deactivated_at = ?, updated_at = now()
        where license_key_id = ? and deactivated_at is null and deleted_at is null returning id`,
      [now, id]
    )) as { id: string }[]
    await this.settleUsageStatus(manager, key, now)
    return freed.map((r) => r.id)
  }

  /** Changes a key's activation limit (null: unlimited). Instances above a lowered limit stay; new ones wait for a free slot. */
  @InjectTransactionManager()
  async setLicenseActivationLimit(id: string, limit: number | null, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<boolean> {
    const manager = ctx.transactionManager!
    const rows = (await manager.execute(
      `update portico_license_key set activation_limit = ?, updated_at = now() where id = ? and deleted_at is null returning id`,
      [limit, id]
    )) as { id: string }[]
    return rows.length > 0
  }

  /**
   * Disables keys (by id) with a reason. Returns the ids that changed (keys
   * already disabled are left alone, so a repeated refund event changes
   * nothing).
   */
  @InjectTransactionManager()
  async disableLicenseKeys(ids: string[], reason: string, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const rows = (await ctx.transactionManager!.execute(
      `update portico_license_key set status = 'disabled', disabled_reason = ?, updated_at = now()
        where id in (?) and status <> 'disabled' and deleted_at is null returning id`,
      [reason, ids]
    )) as { id: string }[]
    return rows.map((r) => r.id)
  }

  /** Enables a disabled key again (its status follows its activations and expiry). False when it was not disabled. */
  @InjectTransactionManager()
  async enableLicenseKey(id: string, now: Date, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<boolean> {
    const manager = ctx.transactionManager!
    const key = await this.lockById(manager, id)
    if (!key || key.status !== LicenseKeyStatus.DISABLED) {
      return false
    }
    const cleared = { ...key, status: LicenseKeyStatus.INACTIVE as LicenseKeyStatusType, disabled_reason: null }
    await manager.execute(`update portico_license_key set status = 'inactive', disabled_reason = null, updated_at = now() where id = ?`, [id])
    const settled = await this.settleUsageStatus(manager, cleared, now)
    if (settled.status === LicenseKeyStatus.EXPIRED) {
      await manager.execute(`update portico_license_key set status = 'expired' where id = ?`, [id])
    }
    return true
  }

  /**
   * Marks keys expired: those past `expires_at` at `now`, and those of the
   * given ended subscriptions that expire with them. Disabled keys stay
   * disabled. Returns what changed, with the reason.
   */
  @InjectTransactionManager()
  async expireLicenseKeys(
    input: { now: Date; subscription_ids?: string[] },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<{ id: string; reason: "expired" | "subscription_ended" }[]> {
    const manager = ctx.transactionManager!
    const byDate = (await manager.execute(
      `update portico_license_key set status = 'expired', updated_at = now()
        where status in ('inactive', 'active') and expires_at is not null and expires_at <= ? and deleted_at is null
        returning id`,
      [input.now]
    )) as { id: string }[]
    const bySubscription = input.subscription_ids?.length
      ? ((await manager.execute(
          `update portico_license_key set status = 'expired', expires_at = coalesce(expires_at, ?), updated_at = now()
            where status in ('inactive', 'active') and expires_with_subscription and subscription_id in (?) and deleted_at is null
            returning id`,
          [input.now, input.subscription_ids]
        )) as { id: string }[])
      : []
    return [
      ...byDate.map((r) => ({ id: r.id, reason: "expired" as const })),
      ...bySubscription.map((r) => ({ id: r.id, reason: "subscription_ended" as const })),
    ]
  }

  /** A key by its text (normalized), without locking: the license API's `validate`. */
  @InjectManager()
  async findLicenseKey(key: string, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<LicenseKeyRow | null> {
    const normalized = normalizeLicenseKey(key)
    if (!normalized) {
      return null
    }
    const [row] = (await ctx.manager!.execute(
      `select ${KEY_COLUMNS} from portico_license_key where key = ? and deleted_at is null`,
      [normalized]
    )) as LicenseKeyRow[]
    return row ?? null
  }
}
