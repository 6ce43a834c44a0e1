import { LICENSE_KEY_STATUS_LABELS, type LicenseKeyStatus as Status } from "@lib/util/entitlements"

const TONES: Record<Status, string> = {
  inactive: "bg-sky-50 text-sky-800 ring-sky-200",
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  expired: "bg-gray-100 text-ink-soft ring-gray-200",
  disabled: "bg-red-50 text-red-800 ring-red-200",
}

/** A license key's status as a small coloured label ("Active", "Not activated"). */
export default function LicenseKeyStatus({ status }: { status: Status }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[status] ?? TONES.expired}`}
      data-testid="license-key-status"
      data-status={status}
    >
      {LICENSE_KEY_STATUS_LABELS[status] ?? status}
    </span>
  )
}
