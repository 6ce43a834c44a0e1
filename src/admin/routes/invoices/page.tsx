import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueryState } from "../../components/common/query-state"
import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, DatePicker, Heading, Select, Table, Text } from "@medusajs/ui"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useNavigate, useSearchParams } from "react-router-dom"
import { CustomerFilter } from "../../components/common/customer-filter"
import { portico } from "../../lib/api"
import { porticoKeys } from "../../lib/query-keys"
import { customerName, formatDate, formatMoney, INVOICE_STATUS } from "../../lib/format"
import type { InvoiceStatus } from "../../lib/types"

const PAGE_SIZE = 20
/** The status filter's choices beyond one status: issued invoices (the default) and everything, carts included. */
const ISSUED = "issued"
const ALL = "all"
const ISSUED_STATUSES: InvoiceStatus[] = ["open", "paid", "void"]
const ALL_STATUSES = Object.keys(INVOICE_STATUS) as InvoiceStatus[]

/** What the API is asked for, from the URL's `status` (absent: issued invoices). */
function statusesOf(choice: string | null): InvoiceStatus[] {
  if (choice === ALL) return ALL_STATUSES
  if (choice && (ALL_STATUSES as string[]).includes(choice)) return [choice as InvoiceStatus]
  return ISSUED_STATUSES
}

/** `yyyy-mm-dd` of a local date (the URL form of the date filters). */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`

/** The local date of `yyyy-mm-dd`, at the start or the end of that day. */
function parseDay(day: string | null, endOfDay = false): Date | null {
  const m = day?.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  return endOfDay ? new Date(y, mo, d, 23, 59, 59, 999) : new Date(y, mo, d)
}

/**
 * Admin page "Invoices": issued invoices (open, paid, void) newest first by
 * default; carts (`abandoned` invoices) on request through the status filter
 * ("Carts (abandoned)" or "All, carts included"). Filtered by status, customer
 * and creation date (the filters live in the URL, so going back from an
 * invoice keeps them), 20 per page. A row opens the invoice.
 */
const InvoicesPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const statusChoice = params.get("status")
  const status = statusesOf(statusChoice)
  const customerId = params.get("customer_id") ?? undefined
  const from = parseDay(params.get("from"))
  const to = parseDay(params.get("to"), true)
  const offset = Math.max(0, Number(params.get("offset")) || 0)

  /** Changes filters (and goes back to the first page unless `offset` is given). */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    if (!("offset" in changes)) next.delete("offset")
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }

  const query = {
    status,
    customer_id: customerId,
    created_at: from || to ? { $gte: from?.toISOString(), $lte: to?.toISOString() } : undefined,
    limit: PAGE_SIZE,
    offset,
    order: "-created_at",
  }
  const { data, isLoading, error } = useQuery({
    queryKey: [...porticoKeys.invoices, "list", query],
    queryFn: () =>
      portico.admin.invoices.list(query),
    placeholderData: keepPreviousData,
  })
  const count = data?.count ?? 0
  const filtered = !!(statusChoice || customerId || from || to)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Invoices</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Issued invoices: open once ordered, then paid or void. Carts still being filled (abandoned) are under
            the status filter.
          </Text>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="invoice-filters">
        <div className="w-[200px]">
          <Select
            size="small"
            value={statusChoice && (statusChoice === ALL || ALL_STATUSES.includes(statusChoice as InvoiceStatus)) ? statusChoice : ISSUED}
            onValueChange={(v) => update({ status: v === ISSUED ? undefined : v })}
          >
            <Select.Trigger data-testid="invoice-status-filter" aria-label="Status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ISSUED}>Issued invoices</Select.Item>
              {ISSUED_STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {INVOICE_STATUS[s].label}
                </Select.Item>
              ))}
              <Select.Item value="abandoned">Carts (abandoned)</Select.Item>
              <Select.Item value={ALL}>All, carts included</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <CustomerFilter value={customerId} onChange={(id) => update({ customer_id: id })} />
        <div className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            From
          </Text>
          <div className="w-[170px]" data-testid="invoice-from">
            <DatePicker
              size="small"
              aria-label="Created from"
              value={from}
              maxValue={to ?? undefined}
              onChange={(d) => update({ from: d ? dayOf(d) : undefined })}
            />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            to
          </Text>
          <div className="w-[170px]" data-testid="invoice-to">
            <DatePicker
              size="small"
              aria-label="Created to"
              value={to ? parseDay(params.get("to")) : null}
              minValue={from ?? undefined}
              onChange={(d) => update({ to: d ? dayOf(d) : undefined })}
            />
          </div>
        </div>
        {filtered && (
          <Button size="small" variant="transparent" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        )}
      </div>
      <QueryState data={data} error={error} loading={isLoading || !data} empty={!data?.invoices.length && (filtered ? "No invoices match these filters." : "No issued invoices yet: they appear as clients place orders.")} emptyTestId="invoices-empty">
        {(data) => (
          <>
            <Table data-testid="invoice-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.invoices.map((invoice) => {
                  const s = INVOICE_STATUS[invoice.status]
                  const name = customerName(invoice.customer, invoice.email)
                  const email = invoice.customer?.email ?? invoice.email
                  return (
                    <Table.Row
                      key={invoice.id}
                      className="cursor-pointer"
                      data-testid="invoice-row"
                      data-number={invoice.number ?? ""}
                      onClick={() => navigate(`/invoices/${invoice.id}`)}
                    >
                      <Table.Cell className="font-medium" data-testid="invoice-number">
                        {invoice.number ?? "—"}
                      </Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall" color={s.color} data-testid="invoice-status">
                          {s.label}
                        </Badge>
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span>{name}</span>
                          {email && email !== name && <span className="text-ui-fg-subtle txt-compact-xsmall">{email}</span>}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        {invoice.order?.display_id != null
                          ? `#${invoice.order.display_id}`
                          : invoice.order_id
                            ? "Placed"
                            : "—"}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="invoice-total">
                        {formatMoney(invoice.total, invoice.currency_code)}
                      </Table.Cell>
                      <Table.Cell>{formatDate(invoice.created_at)}</Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
            <OffsetPagination
              count={count}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </>
        )}
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Invoices",
  icon: DocumentText,
})

export default InvoicesPage
