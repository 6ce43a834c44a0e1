import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Badge, Button, DropdownMenu, IconButton } from "@medusajs/ui"
import {
  ATTEMPT_OUTCOME,
  RENEWAL_STATUS,
  SUBSCRIPTION_STATUS,
  SUBSCRIPTION_STATUSES,
  type RenewalStatus,
  type SubscriptionAttemptView,
  type SubscriptionStatus,
} from "../../lib/subscriptions"

/** A subscription's status as a coloured badge. */
export const SubscriptionStatusBadge = ({
  status,
  size = "2xsmall",
  testId = "subscription-status",
}: {
  status: SubscriptionStatus
  size?: "2xsmall" | "small"
  testId?: string
}) => {
  const s = SUBSCRIPTION_STATUS[status] ?? { label: status, color: "grey" as const }
  return (
    <Badge size={size} color={s.color} data-testid={testId} data-status={status}>
      {s.label}
    </Badge>
  )
}

/** A renewal's status as a coloured badge. */
export const RenewalStatusBadge = ({ status }: { status: RenewalStatus }) => {
  const s = RENEWAL_STATUS[status] ?? { label: status, color: "grey" as const }
  return (
    <Badge size="2xsmall" color={s.color} data-testid="renewal-status" data-status={status}>
      {s.label}
    </Badge>
  )
}

/** A charge attempt's outcome as a coloured badge. */
export const AttemptOutcomeBadge = ({ status }: { status: SubscriptionAttemptView["status"] }) => {
  const s = ATTEMPT_OUTCOME[status] ?? { label: status, color: "grey" as const }
  return (
    <Badge size="2xsmall" color={s.color} data-testid="attempt-outcome">
      {s.label}
    </Badge>
  )
}

/**
 * The subscription list's status filter: any number of statuses (none =
 * all), picked in a menu of checkboxes.
 */
export const SubscriptionStatusFilter = ({
  value,
  onChange,
}: {
  value: SubscriptionStatus[]
  onChange: (statuses: SubscriptionStatus[]) => void
}) => {
  const label = !value.length
    ? "All statuses"
    : value.length <= 2
      ? value.map((s) => SUBSCRIPTION_STATUS[s].label).join(", ")
      : `${value.length} statuses`
  const toggle = (status: SubscriptionStatus, on: boolean) =>
    // Kept in the table's order so the URL stays stable.
    onChange(SUBSCRIPTION_STATUSES.filter((s) => (s === status ? on : value.includes(s))))

  return (
    <div className="flex items-center gap-x-1">
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button
            size="small"
            variant="secondary"
            className="max-w-[240px] justify-between gap-x-2"
            data-testid="subscription-status-filter"
          >
            <span className="truncate">{label}</span>
            <ChevronUpDown className="text-ui-fg-muted shrink-0" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start" className="min-w-[200px]">
          {SUBSCRIPTION_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={value.includes(status)}
              // Keep the menu open to tick several statuses.
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(on) => toggle(status, on === true)}
              data-testid={`subscription-status-option-${status}`}
            >
              <SubscriptionStatusBadge status={status} testId="status-option-badge" />
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
      {!!value.length && (
        <IconButton size="small" variant="transparent" aria-label="Clear status filter" onClick={() => onChange([])}>
          <XMarkMini />
        </IconButton>
      )}
    </div>
  )
}
