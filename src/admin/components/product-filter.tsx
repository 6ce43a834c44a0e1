import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Popover, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { sdk } from "../lib/sdk"
import { useDebounced } from "../lib/use-debounced"

/**
 * A searchable service (product) select for list filters: a button showing
 * the chosen service (or "All services") that opens a search box with matches.
 */
export const ProductFilter = ({
  value,
  onChange,
  testId = "product-filter",
}: {
  value: string | undefined
  onChange: (productId: string | undefined) => void
  testId?: string
}) => {
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim())
  const { data: chosen } = useQuery({
    queryKey: ["portico", "product-filter", "one", value],
    queryFn: () => sdk.admin.product.retrieve(value!, { fields: "id,title" }),
    enabled: !!value,
  })
  const { data, isLoading } = useQuery({
    queryKey: ["portico", "product-filter", "search", search],
    queryFn: () => sdk.admin.product.list({ q: search || undefined, limit: 10, fields: "id,title,status" }),
    enabled: open,
  })
  const label = value ? (chosen ? chosen.product.title : "Service…") : "All services"

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
          <Button size="small" variant="secondary" className="max-w-[240px] justify-between gap-x-2" data-testid={testId}>
            <span className="truncate">{label}</span>
            <ChevronUpDown className="text-ui-fg-muted shrink-0" />
          </Button>
        </Popover.Trigger>
        <Popover.Content align="start" className="w-[300px] p-2">
          <Input
            size="small"
            type="search"
            placeholder="Search services"
            value={q}
            autoFocus
            onChange={(e) => setQ(e.target.value)}
            data-testid="product-search"
          />
          <div className="mt-2 flex max-h-[260px] flex-col overflow-y-auto">
            <Option
              selected={!value}
              onClick={() => {
                onChange(undefined)
                setOpen(false)
              }}
            >
              All services
            </Option>
            {isLoading ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                Loading…
              </Text>
            ) : !data?.products.length ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                No services found.
              </Text>
            ) : (
              data.products.map((p) => (
                <Option
                  key={p.id}
                  selected={p.id === value}
                  onClick={() => {
                    onChange(p.id)
                    setOpen(false)
                  }}
                >
                  {p.title}
                </Option>
              ))
            )}
          </div>
        </Popover.Content>
      </Popover>
      {value && (
        <IconButton size="small" variant="transparent" aria-label="Clear service filter" onClick={() => onChange(undefined)}>
          <XMarkMini />
        </IconButton>
      )}
    </div>
  )
}

const Option = ({ selected, onClick, children }: { selected: boolean; onClick: () => void; children: ReactNode }) => (
  <button
    type="button"
    onClick={onClick}
    data-testid="product-option"
    className={`txt-compact-small hover:bg-ui-bg-base-hover truncate rounded-md px-2 py-1.5 text-left ${selected ? "bg-ui-bg-base-pressed" : ""}`}
  >
    {children}
  </button>
)
