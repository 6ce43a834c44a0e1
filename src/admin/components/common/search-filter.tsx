import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Popover, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { useDebounced } from "../../lib/use-debounced"

/** One choice of a {@link SearchFilter}. */
export type SearchFilterOption = { id: string; label: string; detail?: string | null }

/**
 * A searchable select for list filters: a button showing the chosen record
 * (or "All <plural>") that opens a search box with up to ten matches, and a
 * button to clear it. What a record is comes from `load` and `search`.
 */
export const SearchFilter = ({
  value,
  onChange,
  noun,
  plural,
  load,
  search,
  testId,
  searchTestId,
  optionTestId,
}: {
  value: string | undefined
  onChange: (id: string | undefined) => void
  /** "service", "customer": used in the texts and the query keys. */
  noun: string
  plural: string
  /** The label of the chosen record. */
  load: (id: string) => Promise<string>
  /** Matches of a search text (empty: the first ones). */
  search: (q: string) => Promise<SearchFilterOption[]>
  testId: string
  searchTestId: string
  optionTestId: string
}) => {
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState("")
  const text = useDebounced(q.trim())
  const { data: chosen } = useQuery({
    queryKey: ["portico", `${noun}-filter`, "one", value],
    queryFn: () => load(value!),
    enabled: !!value,
  })
  const { data: options, isLoading } = useQuery({
    queryKey: ["portico", `${noun}-filter`, "search", text],
    queryFn: () => search(text),
    enabled: open,
  })
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
  const label = value ? (chosen ?? `${capital(noun)}…`) : `All ${plural}`
  const choose = (id: string | undefined) => {
    onChange(id)
    setOpen(false)
  }

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
            placeholder={`Search ${plural}`}
            value={q}
            autoFocus
            onChange={(e) => setQ(e.target.value)}
            data-testid={searchTestId}
          />
          <div className="mt-2 flex max-h-[260px] flex-col overflow-y-auto">
            <Option selected={!value} onClick={() => choose(undefined)} testId={optionTestId}>
              All {plural}
            </Option>
            {isLoading ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                Loading…
              </Text>
            ) : !options?.length ? (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                No {plural} found.
              </Text>
            ) : (
              options.map((o) => (
                <Option key={o.id} selected={o.id === value} onClick={() => choose(o.id)} testId={optionTestId}>
                  {o.detail ? (
                    <span className="flex flex-col">
                      <span>{o.label}</span>
                      <span className="text-ui-fg-subtle txt-compact-xsmall">{o.detail}</span>
                    </span>
                  ) : (
                    o.label
                  )}
                </Option>
              ))
            )}
          </div>
        </Popover.Content>
      </Popover>
      {value && (
        <IconButton size="small" variant="transparent" aria-label={`Clear ${noun} filter`} onClick={() => onChange(undefined)}>
          <XMarkMini />
        </IconButton>
      )}
    </div>
  )
}

const Option = ({
  selected,
  onClick,
  testId,
  children,
}: {
  selected: boolean
  onClick: () => void
  testId: string
  children: ReactNode
}) => (
  <button
    type="button"
    onClick={onClick}
    data-testid={testId}
    className={`txt-compact-small hover:bg-ui-bg-base-hover rounded-md px-2 py-1.5 text-left ${selected ? "bg-ui-bg-base-pressed" : ""}`}
  >
    {children}
  </button>
)
