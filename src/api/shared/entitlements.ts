import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type {
  AdminProductFile,
  LicenseInstanceView,
  LicenseKeyView,
  ProductFileVersionView,
  StoreEntitlement,
  StoreFileView,
} from "../../contracts/http"
import { PORTICO_CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import { PORTICO_ENTITLEMENT_MODULE } from "../../modules/entitlement"
import type EntitlementModuleService from "../../modules/entitlement/service"
import { effectiveKeyStatus } from "../../modules/entitlement/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../modules/service-order"
import type ServiceOrderModuleService from "../../modules/service-order/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../modules/subscription"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { revokedOrders } from "../../workflows/entitlement/order-revocation"

type Row = Record<string, unknown>
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null)

const KEY_FIELDS = [
  "id",
  "key",
  "status",
  "activation_limit",
  "expires_at",
  "product_id",
  "variant_id",
  "title",
  "variant_title",
  "order_id",
  "order_display_id",
  "line_item_id",
  "unit_index",
  "service_order_id",
  "subscription_id",
  "customer_id",
  "email",
  "disabled_reason",
  "created_at",
] as const

const notFound = (what: string) => new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `${what} was not found.`)

/**
 * License keys as the routes answer them, with their instances (active ones
 * only unless `all_instances`) and `activation_usage`, the status as it is at
 * `now` (a key past its expiry reads `expired`).
 */
export async function licenseKeyViews(
  scope: MedusaContainer,
  keys: Row[],
  opts: { now: Date; all_instances?: boolean }
): Promise<LicenseKeyView[]> {
  if (!keys.length) {
    return []
  }
  const service = scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const instances = await service.listLicenseInstances(
    { license_key_id: keys.map((k) => k.id as string), ...(opts.all_instances ? {} : { deactivated_at: null }) },
    { select: ["id", "license_key_id", "name", "created_at", "deactivated_at"], order: { created_at: "ASC" } }
  )
  const byKey = new Map<string, LicenseInstanceView[]>()
  for (const i of instances as unknown as Row[]) {
    const list = byKey.get(i.license_key_id as string) ?? []
    list.push({ id: i.id as string, name: i.name as string, created_at: iso(i.created_at)!, deactivated_at: iso(i.deactivated_at) })
    byKey.set(i.license_key_id as string, list)
  }
  return keys.map((k) => {
    const list = byKey.get(k.id as string) ?? []
    return {
      id: k.id as string,
      key: k.key as string,
      status: effectiveKeyStatus({ status: k.status as LicenseKeyView["status"], expires_at: (k.expires_at as Date | null) ?? null }, opts.now),
      activation_limit: k.activation_limit == null ? null : Number(k.activation_limit),
      activation_usage: list.filter((i) => !i.deactivated_at).length,
      expires_at: iso(k.expires_at),
      product_id: (k.product_id as string | null) ?? null,
      variant_id: (k.variant_id as string | null) ?? null,
      title: k.title as string,
      variant_title: (k.variant_title as string | null) ?? null,
      order_id: k.order_id as string,
      order_display_id: k.order_display_id == null ? null : Number(k.order_display_id),
      line_item_id: k.line_item_id as string,
      unit_index: Number(k.unit_index),
      service_order_id: (k.service_order_id as string | null) ?? null,
      subscription_id: (k.subscription_id as string | null) ?? null,
      customer_id: (k.customer_id as string | null) ?? null,
      email: (k.email as string | null) ?? null,
      disabled_reason: (k.disabled_reason as LicenseKeyView["disabled_reason"]) ?? null,
      created_at: iso(k.created_at)!,
      instances: list,
    }
  })
}

/** A page of license keys matching `filters` (newest first), as views. */
export async function listLicenseKeyViews(
  scope: MedusaContainer,
  filters: Record<string, unknown>,
  page: { limit: number; offset: number },
  opts: { now: Date; all_instances?: boolean }
): Promise<{ license_keys: LicenseKeyView[]; count: number }> {
  const [rows, count] = await scope
    .resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    .listAndCountLicenseKeys(filters, { select: [...KEY_FIELDS], order: { created_at: "DESC", id: "DESC" }, take: page.limit, skip: page.offset })
  return { license_keys: await licenseKeyViews(scope, rows as unknown as Row[], opts), count }
}

/** One key as a view, or 404 when no key matches `filters` (the caller's ownership is part of them). */
export async function licenseKeyView(
  scope: MedusaContainer,
  filters: Record<string, unknown>,
  opts: { now: Date; all_instances?: boolean }
): Promise<LicenseKeyView> {
  const [row] = await scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).listLicenseKeys(filters, { select: [...KEY_FIELDS] })
  if (!row) {
    throw notFound(`License key ${String(filters.id ?? "")}`.trim())
  }
  const [view] = await licenseKeyViews(scope, [row as unknown as Row], opts)
  return view
}

const versionView = (v: Row): ProductFileVersionView => ({
  id: v.id as string,
  version: Number(v.version),
  filename: v.filename as string,
  mime_type: v.mime_type as string,
  size: Number(v.size),
  created_at: iso(v.created_at)!,
})

/** The live files of services with every version, newest first (`product_ids` or one `id`), in position order. */
async function filesWithVersions(scope: MedusaContainer, filters: { product_id?: string[]; id?: string }) {
  const service = scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const files = (await service.listProductFiles(filters, {
    select: ["id", "product_id", "title", "position", "created_at", "updated_at"],
    order: { position: "ASC", created_at: "ASC" },
  })) as unknown as Row[]
  if (!files.length) {
    return []
  }
  const versions = (await service.listProductFileVersions(
    { file_id: files.map((f) => f.id as string) },
    { select: ["id", "file_id", "version", "file_key", "filename", "mime_type", "size", "created_at"], order: { version: "DESC" } }
  )) as unknown as Row[]
  return files
    .map((f) => ({ file: f, versions: versions.filter((v) => v.file_id === f.id) }))
    .filter((f) => f.versions.length > 0)
}

/** A service's files as the merchant sees them (`/admin/portico/services/:id/files`), with download counts. */
export async function adminProductFiles(scope: MedusaContainer, productId: string, fileId?: string): Promise<AdminProductFile[]> {
  const files = await filesWithVersions(scope, fileId ? { id: fileId, product_id: [productId] } : { product_id: [productId] })
  if (!files.length) {
    return []
  }
  const counts = (await scope
    .resolve(ContainerRegistrationKeys.PG_CONNECTION)("portico_file_download")
    .select("file_id")
    .count({ n: "*" })
    .whereIn(
      "file_id",
      files.map((f) => f.file.id as string)
    )
    .whereNull("deleted_at")
    .groupBy("file_id")) as { file_id: string; n: string | number }[]
  const count = new Map(counts.map((r) => [r.file_id, Number(r.n)]))
  return files.map(({ file, versions }) => ({
    id: file.id as string,
    product_id: file.product_id as string,
    title: file.title as string,
    position: Number(file.position),
    current_version: versionView(versions[0]),
    versions: versions.map(versionView),
    download_count: count.get(file.id as string) ?? 0,
    created_at: iso(file.created_at)!,
    updated_at: iso(file.updated_at)!,
  }))
}

/** One file of a service as the merchant sees it, or 404. */
export async function adminProductFile(scope: MedusaContainer, productId: string, fileId: string): Promise<AdminProductFile> {
  const [file] = await adminProductFiles(scope, productId, fileId)
  if (!file) {
    throw notFound(`File ${fileId}`)
  }
  return file
}

/** A purchased line with what decides the client's access to its files. */
type Purchase = {
  line_item_id: string
  order_id: string
  order_display_id: number | null
  product_id: string | null
  title: string
  variant_title: string | null
  purchased_at: Date
  entitled: boolean
  access_until: string | null
}

const RENEWING = new Set(["active", "past_due"])

/**
 * The client's purchased lines (one per order line, from their service
 * orders; renewal orders left out, a renewal is the same purchase) and
 * whether each entitles them to its service's files at `now`: a unit not
 * canceled, in an order neither canceled nor refunded in full, and for a
 * recurring service a subscription that renews (active, or past due while
 * its payment is retried) or, paused or canceled, until the end of the period
 * already paid for (`access_until` then says when access ends).
 */
export async function customerPurchases(
  scope: MedusaContainer,
  customerId: string,
  opts: { now: Date; order_id?: string; product_id?: string }
): Promise<Purchase[]> {
  const units = await scope.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE).listServiceOrders(
    {
      customer_id: customerId,
      ...(opts.order_id ? { order_id: opts.order_id } : {}),
      ...(opts.product_id ? { product_id: opts.product_id } : {}),
    },
    {
      select: ["id", "line_item_id", "unit_index", "order_id", "order_display_id", "product_id", "title", "variant_title", "status", "created_at"],
      order: { created_at: "DESC" },
    }
  )
  if (!units.length) {
    return []
  }
  const orderIds = [...new Set(units.map((u) => u.order_id))]
  const subscriptions = scope.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const [renewals, subs, revoked] = await Promise.all([
    subscriptions.listSubscriptionRenewals({ order_id: orderIds }, { select: ["order_id"] }),
    subscriptions.listSubscriptions(
      { line_item_id: [...new Set(units.map((u) => u.line_item_id))] },
      { select: ["line_item_id", "unit_index", "status", "current_period_end", "cancel_at_period_end"] }
    ),
    revokedOrders(scope, orderIds),
  ])
  const renewalOrders = new Set(renewals.map((r) => r.order_id))
  const lines = new Map<string, Purchase>()
  // Per line, the latest access end of its units; null once one unit gives access with no end.
  const until = new Map<string, Date | null>()
  for (const u of units) {
    if (renewalOrders.has(u.order_id)) {
      continue
    }
    if (!lines.has(u.line_item_id)) {
      lines.set(u.line_item_id, {
        line_item_id: u.line_item_id,
        order_id: u.order_id,
        order_display_id: (u.order_display_id as number | null) ?? null,
        product_id: (u.product_id as string | null) ?? null,
        title: u.title,
        variant_title: (u.variant_title as string | null) ?? null,
        purchased_at: new Date(u.created_at as unknown as string),
        entitled: false,
        access_until: null,
      })
    }
    if (u.status === "canceled" || revoked.has(u.order_id)) {
      continue
    }
    const sub = subs.find((s) => s.line_item_id === u.line_item_id && s.unit_index === u.unit_index)
    const end = sub ? new Date(sub.current_period_end as unknown as string) : null
    // No subscription (one-time), or renewing (active, or past due while dunning retries):
    // access runs on. Paused, canceled or set to cancel: to the end of the period paid for.
    const endless = !sub || (RENEWING.has(sub.status) && !sub.cancel_at_period_end)
    if (endless) {
      until.set(u.line_item_id, null)
    } else if (end! > opts.now && sub.status !== "ended") {
      const known = until.get(u.line_item_id)
      if (known !== null && (known === undefined || known < end!)) {
        until.set(u.line_item_id, end)
      }
    }
  }
  for (const [lineId, end] of until) {
    const line = lines.get(lineId)!
    line.entitled = true
    line.access_until = end ? end.toISOString() : null
  }
  return [...lines.values()]
}

const storeFile = (f: { file: Row; versions: Row[] }): StoreFileView => ({
  id: f.file.id as string,
  title: f.file.title as string,
  version: Number(f.versions[0].version),
  filename: f.versions[0].filename as string,
  mime_type: f.versions[0].mime_type as string,
  size: Number(f.versions[0].size),
  updated_at: iso(f.versions[0].created_at)!,
})

/**
 * The portal's "Files & keys": the client's purchased lines of services
 * with files or license keys, newest first, each with its files (the newest
 * version of each) and its keys.
 */
export async function customerEntitlements(
  scope: MedusaContainer,
  customerId: string,
  opts: { now: Date; order_id?: string; limit: number; offset: number }
): Promise<{ entitlements: StoreEntitlement[]; count: number }> {
  const purchases = await customerPurchases(scope, customerId, opts)
  const productIds = [...new Set(purchases.map((p) => p.product_id).filter((id): id is string => !!id))]
  const [settings, files, keys] = await Promise.all([
    productIds.length
      ? scope
          .resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
          .listServiceSettings({ product_id: productIds, files_enabled: true }, { select: ["product_id"] })
      : [],
    productIds.length ? filesWithVersions(scope, { product_id: productIds }) : [],
    scope
      .resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
      .listLicenseKeys(
        { customer_id: customerId, line_item_id: purchases.map((p) => p.line_item_id) },
        { select: [...KEY_FIELDS], order: { unit_index: "ASC" } }
      ),
  ])
  const withFiles = new Set(settings.map((s) => s.product_id))
  const keyViews = await licenseKeyViews(scope, keys as unknown as Row[], { now: opts.now })
  const shown = purchases
    .map((p) => ({
      purchase: p,
      files: p.product_id && withFiles.has(p.product_id) ? files.filter((f) => f.file.product_id === p.product_id).map(storeFile) : [],
      keys: keyViews.filter((k) => k.line_item_id === p.line_item_id),
    }))
    .filter((e) => e.files.length > 0 || e.keys.length > 0)
  return {
    count: shown.length,
    entitlements: shown.slice(opts.offset, opts.offset + opts.limit).map(({ purchase: p, files, keys }) => ({
      line_item_id: p.line_item_id,
      order_id: p.order_id,
      order_display_id: p.order_display_id,
      product_id: p.product_id,
      title: p.title,
      variant_title: p.variant_title,
      entitled: p.entitled,
      access_until: p.access_until,
      files,
      license_keys: keys,
      purchased_at: p.purchased_at.toISOString(),
    })),
  }
}

/** What a download serves: the file's newest version and the purchase that entitles it. */
export type DownloadTarget = {
  file_id: string
  title: string
  version_id: string
  version: number
  file_key: string
  filename: string
  mime_type: string
  order_id: string
}

/**
 * Checks at this moment that the client may download a file and resolves its
 * newest version: 404 `not_found` when the file does not exist, was removed,
 * belongs to a service without files or one the client never bought (no hint
 * either way); 400 `not_entitled` when they bought it but their access ended
 * (refunded, canceled, subscription over).
 */
export async function downloadTarget(scope: MedusaContainer, customerId: string, fileId: string, now: Date): Promise<DownloadTarget> {
  const [found] = await filesWithVersions(scope, { id: fileId })
  const productId = found?.file.product_id as string | undefined
  const [setting] = productId
    ? await scope
        .resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
        .listServiceSettings({ product_id: productId, files_enabled: true }, { select: ["id"] })
    : []
  const purchases = setting ? await customerPurchases(scope, customerId, { now, product_id: productId }) : []
  if (!found || !purchases.length) {
    throw notFound(`File ${fileId}`)
  }
  const entitling = purchases.find((p) => p.entitled)
  if (!entitling) {
    throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.NOT_ENTITLED, "Your access to this file has ended.")
  }
  const v = found.versions[0]
  return {
    file_id: found.file.id as string,
    title: found.file.title as string,
    version_id: v.id as string,
    version: Number(v.version),
    file_key: v.file_key as string,
    filename: v.filename as string,
    mime_type: v.mime_type as string,
    order_id: entitling.order_id,
  }
}
