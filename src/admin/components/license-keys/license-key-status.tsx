import { Badge, Select } from "@medusajs/ui"
import { LICENSE_KEY_STATUS, LICENSE_KEY_STATUSES, type LicenseKeyStatus } from "../../lib/entitlements"

/** A license key's status as a coloured badge. */
export const LicenseKeyStatusBadge = ({
  status,
  size = "2xsmall",
  testId = "license-key-status",
}: {
  status: LicenseKeyStatus
  size?: "2xsmall" | "small"
  testId?: string
}) => {
  const s = LICENSE_KEY_STATUS[status] ?? { label: status, color: "grey" as const }
  return (
    <Badge size={size} color={s.color} data-testid={testId} data-status={status}>
      {s.label}
    </Badge>
  )
}

const ALL = "all"

/** The license-key list's status filter: one status, or all. */
export const LicenseKeyStatusFilter = ({
  value,
  onChange,
}: {
  value: LicenseKeyStatus | undefined
  onChange: (status: LicenseKeyStatus | undefined) => void
}) => (
  <div className="w-[180px]">
    <Select size="small" value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : (v as LicenseKeyStatus))}>
      <Select.Trigger data-testid="license-key-status-filter" aria-label="Status">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>All statuses</Select.Item>
        {LICENSE_KEY_STATUSES.map((s) => (
          <Select.Item key={s} value={s}>
            {LICENSE_KEY_STATUS[s].label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
