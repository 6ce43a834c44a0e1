import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminLicenseKeyChangeBody,
  AdminLicenseKeyListQuery,
  AdminProductFile,
  FileDownloadView,
  LicenseInstanceView,
  LicenseKeyView,
  ProductFileVersionView,
} from "../../contracts/http"
import type { LicenseKeyStatusType } from "../../contracts/statuses"
import { portico } from "./api"
import { formatDate } from "./format"
import { porticoKeys } from "./query-keys"

export type LicenseKeyStatus = LicenseKeyStatusType
export type { AdminProductFile, FileDownloadView, LicenseInstanceView, LicenseKeyView, ProductFileVersionView }
export { LICENSE_KEY_STATUSES } from "../../contracts/statuses"

type BadgeColor = "grey" | "red" | "green" | "blue" | "orange"

/** Badge colour and label of each license-key status. */
export const LICENSE_KEY_STATUS: Record<LicenseKeyStatus, { label: string; color: BadgeColor }> = {
  inactive: { label: "Not activated", color: "blue" },
  active: { label: "Active", color: "green" },
  expired: { label: "Expired", color: "orange" },
  disabled: { label: "Disabled", color: "red" },
}

/** Why a key is disabled (`disabled_reason`), in the merchant's words. */
export const DISABLED_REASON: Record<string, string> = {
  refunded: "Disabled automatically: its purchase was refunded.",
  canceled: "Disabled automatically: its purchase was canceled.",
  merchant: "Disabled by you.",
}

/** Why a disabled key is disabled, as a sentence (the server's reason word when it is not a known one). */
export function disabledReasonLabel(key: Pick<LicenseKeyView, "status" | "disabled_reason">) {
  if (key.status !== "disabled") {
    return null
  }
  return key.disabled_reason ? (DISABLED_REASON[key.disabled_reason] ?? `Disabled (${key.disabled_reason}).`) : "Disabled."
}

/** A file size in bytes as "512 B", "1.4 MB". */
export function formatBytes(bytes: number | null | undefined) {
  const value = Number(bytes ?? 0)
  if (value < 1024) {
    return `${value} B`
  }
  const units = ["KB", "MB", "GB", "TB"]
  let n = value / 1024
  let unit = 0
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024
    unit++
  }
  return `${n >= 100 ? Math.round(n) : n.toFixed(1)} ${units[unit]}`
}

/** Activations used of the limit: "1 / 3", "2 / ∞". */
export function activationsLabel(key: Pick<LicenseKeyView, "activation_usage" | "activation_limit">) {
  return `${key.activation_usage} / ${key.activation_limit == null ? "∞" : key.activation_limit}`
}

/** When a key expires: its date, "Never", or "With the subscription" for a key that follows a subscription. */
export function expiresLabel(key: Pick<LicenseKeyView, "expires_at" | "subscription_id">) {
  if (key.expires_at) {
    return formatDate(key.expires_at)
  }
  return key.subscription_id ? "With the subscription" : "Never"
}

/** The service of a key, with its variant when it has a meaningful one. */
export function keyServiceLabel(key: Pick<LicenseKeyView, "title" | "variant_title">) {
  return key.variant_title && key.variant_title !== "Default" ? `${key.title} · ${key.variant_title}` : key.title
}

/** A service's files, each with every version, in the merchant's order. */
export function useProductFiles(productId: string) {
  return useQuery({
    queryKey: porticoKeys.filesOf(productId),
    queryFn: () => portico.admin.files.list(productId),
  })
}

/** A page of a file's downloads, newest first. */
export function useFileDownloads(productId: string, fileId: string | null, offset: number, limit: number) {
  return useQuery({
    queryKey: porticoKeys.fileDownloads(productId, fileId ?? "", offset),
    queryFn: () => portico.admin.files.downloads(productId, fileId!, { limit, offset }),
    enabled: !!fileId,
    placeholderData: keepPreviousData,
  })
}

/** The address a version downloads from (the browser sends the admin session cookie). */
export function fileVersionUrl(productId: string, fileId: string, versionId: string) {
  return portico.admin.files.versionUrl(productId, fileId, versionId)
}

/** A page of license keys, newest first. */
export function useLicenseKeys(query: AdminLicenseKeyListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...porticoKeys.licenseKeys, "list", query],
    queryFn: () => portico.admin.licenseKeys.list(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

/** One license key with every instance, deactivated ones too. */
export function useLicenseKey(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.licenseKey(id ?? ""),
    queryFn: () => portico.admin.licenseKeys.retrieve(id!),
    enabled: !!id,
  })
}

/**
 * Runs a change on a license key; the detail shows the key the server
 * answers and every list is refreshed. After a refusal the key is fetched
 * again (someone may have changed it meanwhile).
 */
export function useLicenseKeyChange(keyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminLicenseKeyChangeBody) => portico.admin.licenseKeys.change(keyId, body),
    onSuccess: async (data) => {
      queryClient.setQueryData(porticoKeys.licenseKey(keyId), data)
      await queryClient.invalidateQueries({ queryKey: porticoKeys.licenseKeys })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: porticoKeys.licenseKeys }),
  })
}
