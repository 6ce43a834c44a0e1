import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Popover, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { customerName } from "../lib/format"
import { sdk } from "../lib/sdk"
import { useDebounced } from "../lib/use-debounced"

/**
 * A searchable customer select for list filters: a button showing the chosen
 * customer (or "All customers") that opens a search box with matches.
 */
export const CustomerFilter = ({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (customerId: string | undefined) => void
}) => {
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim())
  const { data: chosen } = useQuery({
    queryKey: ["portico", "customer-filter", "one", value],
    queryFn: () => sdk.admin.customer.retrieve(value!, { fields: "id,email,first_name,last_name" }),
    enabled: !!value,
  })
  const { data, isLoading } = useQuery({
    queryKey: ["portico", "customer-filter", "search", search],
    queryFn: () => sdk.admin.customer.list({ q: search || undefined, limit: 10, fields: "id,email,first_name,last_name" }),
    enabled: open,
  })
  const label = value ? (chosen ? customerName(chosen.customer) : "Customer…") : "All customers"

  return (
    <div className="flex items-center gap-x-1">
      <Popover
        open={open}
        onOpenChange={(o) => {
          setOpen(o)
          if (!o) setQ("")
        }}
      >
        <Popover.Trigger asChild>
          <Button
            size="small"
            variant="secondary"
            className="max-w-[240px] justify-between gap-x-2"
            data-testid="invoice-customer-filter"
          >
            <span className="truncate">{label}</span>
            <ChevronUpDown className="text-ui-fg-muted shrink-0" />
          </Button>
        </Popover.Trigger>
        <Popover.Content align="start" className="w-[300px] p-2">
          <Input
            size="small"
            type="search"
            placeholder="Search customers"
            value={q}
            autoFocus
            onChange={(e) => setQ(e.target.value)}
            data-testid="customer-search"
          />
          <div className="mt-2 flex max-h-[260px] flex-col overflow-y-auto">
            <Option
              selected={!value}
              onClick={() => {
                onChange(undefined)
                setOpen(false)
              }}
            >
              All customers
            </Option>
            {isLoading ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                Loading…
              </Text>
            ) : !data?.customers.length ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                No customers found.
              </Text>
            ) : (
              data.customers.map((c) => (
                <Option
                  key={c.id}
                  selected={c.id === value}
                  onClick={() => {
                    onChange(c.id)
                    setOpen(false)
                  }}
                >
                  <span className="flex flex-col">
                    <span>{customerName(c)}</span>
                    {customerName(c) !== c.email && <span className="text-ui-fg-subtle txt-compact-xsmall">{c.email}</span>}
                  </span>
                </Option>
              ))
            )}
          </div>
        </Popover.Content>
      </Popover>
      {value && (
        <IconButton size="small" variant="transparent" aria-label="Clear customer filter" onClick={() => onChange(undefined)}>
          <XMarkMini />
        </IconButton>
      )}
    </div>
  )
}

const Option = ({
  selected,
  onClick,
  children,
}: {
  selected: boolean
  onClick: () => void
  children: ReactNode
}) => (
  <button
    type="button"
    onClick={onClick}
    data-testid="customer-option"
    className={`txt-compact-small hover:bg-ui-bg-base-hover rounded-md px-2 py-1.5 text-left ${selected ? "bg-ui-bg-base-pressed" : ""}`}
  >
    {children}
  </button>
)
