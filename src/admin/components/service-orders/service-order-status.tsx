import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Badge, Button, DropdownMenu, IconButton } from "@medusajs/ui"
import { SERVICE_ORDER_STATUS, SERVICE_ORDER_STATUSES, type ServiceOrderStatus } from "../../lib/service-orders"

/** A service order's status as a coloured badge. */
export const ServiceOrderStatusBadge = ({
  status,
  size = "2xsmall",
  testId = "service-order-status",
}: {
  status: ServiceOrderStatus
  size?: "2xsmall" | "small"
  testId?: string
}) => {
  const s = SERVICE_ORDER_STATUS[status] ?? { label: status, color: "grey" as const }
  return (
    <Badge size={size} color={s.color} data-testid={testId} data-status={status}>
      {s.label}
    </Badge>
  )
}

/**
 * The work queue's status filter: any number of statuses (none = all), picked
 * in a menu of checkboxes.
 */
export const ServiceOrderStatusFilter = ({
  value,
  onChange,
}: {
  value: ServiceOrderStatus[]
  onChange: (statuses: ServiceOrderStatus[]) => void
}) => {
  const label = !value.length
    ? "All statuses"
    : value.length <= 2
      ? value.map((s) => SERVICE_ORDER_STATUS[s].label).join(", ")
      : `${value.length} statuses`
  const toggle = (status: ServiceOrderStatus, on: boolean) =>
    // Kept in the table's order so the URL stays stable.
    onChange(SERVICE_ORDER_STATUSES.filter((s) => (s === status ? on : value.includes(s))))

  return (
    <div className="flex items-center gap-x-1">
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button
            size="small"
            variant="secondary"
            className="max-w-[240px] justify-between gap-x-2"
            data-testid="service-order-status-filter"
          >
            <span className="truncate">{label}</span>
            <ChevronUpDown className="text-ui-fg-muted shrink-0" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start" className="min-w-[200px]">
          {SERVICE_ORDER_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={value.includes(status)}
              // Keep the menu open to tick several statuses.
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(on) => toggle(status, on === true)}
              data-testid={`status-option-${status}`}
            >
              <ServiceOrderStatusBadge status={status} testId="status-option-badge" />
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
