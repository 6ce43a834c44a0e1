import { ArrowDownTray, ArrowUpRightOnBox } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { AmountRow } from "../../../components/common/amount-row"
import { useQuery } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { portico } from "../../../lib/api"
import { porticoKeys } from "../../../lib/query-keys"
import { customerName, formatDateTime, formatMoney, INVOICE_STATUS } from "../../../lib/format"
import { PagePending } from "../../../components/common/query-state"
import { InvoiceActions } from "../../../components/invoices/invoice-actions"

/**
 * Admin page of one invoice: number and status, its timestamps, customer and
 * order, the lines, the totals (with what was refunded to account credit
 * after the order) and the promotion codes applied. An issued invoice has a
 * "Download PDF" button: the same document the client downloads from the
 * portal (`GET /admin/portico/invoices/:id/pdf`, with the admin's session).
 * An open (unpaid) invoice, e.g. one waiting for a bank transfer, can be
 * marked paid or voided here.
 */
const InvoiceDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useQuery({
    queryKey: [...porticoKeys.invoices, "detail", id],
    queryFn: () => portico.admin.invoices.retrieve(id!),
    enabled: !!id,
  })

  if (error || isLoading || !data) {
    return <PagePending error={error} />
  }

  const { invoice } = data
  const status = INVOICE_STATUS[invoice.status]
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)
  const email = invoice.customer?.email ?? invoice.email

  return (
    <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="invoice-detail">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between gap-x-4 px-6 py-4">
            <div>
              <Heading level="h1" data-testid="invoice-title">
                {invoice.number ? `Invoice ${invoice.number}` : "Invoice (not numbered)"}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {invoice.number
                  ? `${invoice.item_count} ${invoice.item_count === 1 ? "item" : "items"} · ${invoice.currency_code.toUpperCase()}`
                  : "A cart that has not been ordered yet; it gets a number when the order is placed."}
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              {invoice.status !== "abandoned" && (
                <Button size="small" variant="secondary" asChild>
                  <a href={portico.admin.invoices.pdfUrl(invoice.id)} download={`${invoice.number}.pdf`} data-testid="invoice-download-pdf">
                    <ArrowDownTray />
                    Download PDF
                  </a>
                </Button>
              )}
              <Badge color={status.color} data-testid="invoice-detail-status">
                {status.label}
              </Badge>
            </div>
          </div>
          <InvoiceActions invoice={invoice} />
          {invoice.lines.length ? (
            <Table data-testid="invoice-lines">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Item</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Discount</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Tax</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {invoice.lines.map((line) => (
                  <Table.Row key={line.id} data-testid="invoice-line">
                    <Table.Cell>
                      <div className="flex flex-col py-1">
                        <span className="txt-compact-small-plus">{line.title}</span>
                        {line.variant_title && line.variant_title !== "Default" && (
                          <span className="text-ui-fg-subtle txt-compact-xsmall">{line.variant_title}</span>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{line.quantity}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{money(line.unit_price)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {Number(line.discount_total) ? `−${money(line.discount_total)}` : "—"}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{money(line.tax_total)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{money(line.total)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <Text size="small" className="text-ui-fg-subtle px-6 py-4">
              No lines.
            </Text>
          )}
          <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="invoice-totals">
            <AmountRow label="Subtotal" value={money(invoice.subtotal)} testId="invoice-subtotal" />
            <AmountRow
              label="Discount"
              value={Number(invoice.discount_total) ? `−${money(invoice.discount_total)}` : money(0)}
              testId="invoice-discount"
            />
            <AmountRow label="Tax" value={money(invoice.tax_total)} testId="invoice-tax" />
            <AmountRow
              label="Account credit"
              value={Number(invoice.credit_total) ? `−${money(invoice.credit_total)}` : money(0)}
              testId="invoice-credit"
            />
            <div className="border-t border-dashed pt-2">
              <AmountRow label="Total" value={money(invoice.total)} testId="invoice-grand-total" strong />
            </div>
            {Number(invoice.credit_refund_total) > 0 && (
              <AmountRow
                label="Refunded to account credit"
                value={`−${money(invoice.credit_refund_total)}`}
                testId="invoice-credit-refund"
              />
            )}
          </div>
        </Container>
      </div>

      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Customer</Heading>
          </div>
          <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="invoice-customer">
            <Text size="small" weight="plus">
              {customerName(invoice.customer, invoice.email)}
            </Text>
            {email && email !== customerName(invoice.customer, invoice.email) && (
              <Text size="small" className="text-ui-fg-subtle">
                {email}
              </Text>
            )}
            {invoice.customer && (
              <Link
                to={`/customers/${invoice.customer.id}`}
                className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              >
                View customer
              </Link>
            )}
          </div>
          <div className="flex items-center justify-between px-6 py-4">
            <Text size="small" weight="plus">
              Order
            </Text>
            {invoice.order_id ? (
              <Link
                to={`/orders/${invoice.order_id}`}
                className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"
                data-testid="invoice-order-link"
              >
                {invoice.order ? `#${invoice.order.display_id}` : "View order"}
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                Not ordered
              </Text>
            )}
          </div>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Timeline</Heading>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-6 py-4" data-testid="invoice-timestamps">
            <Stamp label="Created" value={formatDateTime(invoice.created_at)} />
            <Stamp label="Opened" value={formatDateTime(invoice.opened_at)} />
            <Stamp label="Paid" value={formatDateTime(invoice.paid_at)} />
            <Stamp label="Voided" value={formatDateTime(invoice.voided_at)} />
          </dl>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Promotion codes</Heading>
          </div>
          <div className="flex flex-wrap gap-2 px-6 py-4" data-testid="invoice-promotions">
            {invoice.promotion_codes?.length ? (
              invoice.promotion_codes.map((code) => (
                <Badge key={code} size="2xsmall" className="font-mono">
                  {code}
                </Badge>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                None
              </Text>
            )}
          </div>
        </Container>
      </div>
    </div>
  )
}

const Stamp = ({ label, value }: { label: string; value: string }) => (
  <>
    <dt className="txt-compact-small text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-small text-right">{value}</dd>
  </>
)

/** Breadcrumb of the invoice page. */
export const handle = {
  breadcrumb: () => "Invoice",
}

export default InvoiceDetailPage
