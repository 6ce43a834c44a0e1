import type {
  LicenseInstanceView,
  LicenseKeyStatusType,
  LicenseKeyView,
  StoreEntitlement,
  StoreFileView,
} from "medusa-plugin-portico/contracts"

/** One purchase as "Files & keys" shows it: its files and license keys (`GET /store/portico/entitlements`). */
export type Entitlement = StoreEntitlement
export type EntitlementFile = StoreFileView
export type LicenseKey = LicenseKeyView
export type LicenseInstance = LicenseInstanceView
export type LicenseKeyStatus = LicenseKeyStatusType

/** A license key's status in words. */
export const LICENSE_KEY_STATUS_LABELS: Record<LicenseKeyStatusType, string> = {
  inactive: "Not activated",
  active: "Active",
  expired: "Expired",
  disabled: "Disabled",
}

/** The storefront's address that downloads a file (a redirect to a short-lived link of the backend). */
export function downloadPath(fileId: string): string {
  return `/portal/downloads/file/${encodeURIComponent(fileId)}`
}

/** Why a download did not start (`/portal/downloads?download_error=…`, set by the download route). */
export const DOWNLOAD_ERRORS = {
  not_found: "This file was not found: it may have been removed. Reload the page to see your files as they are now.",
  not_entitled:
    "This file is not available for download right now: the purchase is not paid, was refunded or canceled, or its subscription has ended.",
  unreachable: "The store could not be reached. Please try again in a moment.",
  failed: "The file could not be downloaded. Please try again in a moment.",
} as const
export type DownloadError = keyof typeof DOWNLOAD_ERRORS

/** The words for `?download_error=`, when it is one of ours (nothing else from the address is shown). */
export function downloadErrorMessage(reason: unknown): string | undefined {
  return typeof reason === "string" && Object.hasOwn(DOWNLOAD_ERRORS, reason) ? DOWNLOAD_ERRORS[reason as DownloadError] : undefined
}

/** A file's size in words: "512 B", "1.5 KB", "12 MB" (1024 per step). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) {
    return "—"
  }
  if (bytes < 1024) {
    return `${Math.round(bytes)} B`
  }
  const units = ["KB", "MB", "GB", "TB"]
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  return `${shown} ${units[unit]}`
}

/** A key's activations used and allowed, as "Activations" shows them: "1 / 3", "2 · unlimited". */
export function activationsText(key: Pick<LicenseKeyView, "activation_usage" | "activation_limit">): string {
  return key.activation_limit == null ? `${key.activation_usage} · unlimited` : `${key.activation_usage} / ${key.activation_limit}`
}

/** Why a disabled key is disabled, in words. */
export function disabledReason(reason: string | null | undefined): string {
  switch (reason) {
    case "refunded":
      return "Disabled: the purchase was refunded."
    case "canceled":
      return "Disabled: the purchase was canceled."
    default:
      return "Disabled by the store. Contact us if you need it again."
  }
}

/** The instances a client still has activated (the store lists only those; older answers may carry deactivated ones). */
export function activeInstances(key: Pick<LicenseKeyView, "instances">): LicenseInstanceView[] {
  return (key.instances ?? []).filter((i) => !i.deactivated_at)
}

/** The service's name, with its option when it has one ("Font family (Desktop)"). */
export function entitlementTitle(e: Pick<StoreEntitlement, "title" | "variant_title">): string {
  const variant = e.variant_title && e.variant_title !== "Default" && e.variant_title !== "Default variant" ? e.variant_title : null
  return variant ? `${e.title} (${variant})` : e.title
}

/** Whether a purchase has anything to show in "Files & keys". */
export function hasContent(e: Pick<StoreEntitlement, "files" | "license_keys">): boolean {
  return e.files.length > 0 || e.license_keys.length > 0
}

/** The overview's line about "Files & keys": "2 files to download and 1 license key from your purchases." */
export function downloadsSummary(entitlements: Pick<StoreEntitlement, "entitled" | "files" | "license_keys">[]): string {
  const files = entitlements.reduce((n, e) => n + (e.entitled ? e.files.length : 0), 0)
  const keys = entitlements.reduce((n, e) => n + e.license_keys.length, 0)
  const parts = [
    files ? `${files} ${files === 1 ? "file" : "files"} to download` : null,
    keys ? `${keys} license ${keys === 1 ? "key" : "keys"}` : null,
  ].filter(Boolean)
  return parts.length ? `${parts.join(" and ")} from your purchases.` : "The files and license keys of your purchases."
}
