import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import { AmountRow } from "../../../components/common/amount-row"
import { IntakeAnswers } from "../../../components/intake/intake-answers"
import { ServiceOrderStatusBadge } from "../../../components/service-orders/service-order-status"
import { ServiceOrderStatusForm } from "../../../components/service-orders/service-order-status-form"
import { customerName, formatDateTime, formatMoney } from "../../../lib/format"
import {
  ACTOR_LABEL,
  serviceOrderFileUrl,
  unitLabel,
  useServiceOrder,
  type AdminServiceOrderDetail,
} from "../../../lib/service-orders"
import { PagePending } from "../../../components/common/query-state"

const linkClass = "txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"

/**
 * Admin page of one service order: the service (and which unit of the line
 * it is), the client's intake answers under the labels of the form version
 * they answered, the status history, a form to change the status (with an
 * optional refund to account credit when canceling), and links to the order,
 * invoice and customer.
 */
const ServiceOrderDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useServiceOrder(id)

  if (error || isLoading || !data) {
    return <PagePending error={error} />
  }

  const so = data.service_order
  const unit = unitLabel(so)
  const variant = so.variant_title && so.variant_title !== "Default" ? so.variant_title : null

  return (
    <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="service-order-detail">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between gap-x-4 px-6 py-4">
            <div className="min-w-0">
              <Heading level="h1" data-testid="service-order-heading">
                {so.title}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle" data-testid="service-order-subtitle">
                {[variant, unit, so.order_display_id != null ? `Order #${so.order_display_id}` : null]
                  .filter(Boolean)
                  .join(" · ") || "Service order"}
              </Text>
            </div>
            <ServiceOrderStatusBadge status={so.status} size="small" testId="service-order-detail-status" />
          </div>
          {so.intake_required && (
            <Text size="small" className="text-ui-fg-subtle px-6 py-3" data-testid="service-order-awaiting-intake">
              Waiting for the client to fill in the intake form.
            </Text>
          )}
        </Container>

        <IntakePanel serviceOrder={so} />
        <HistoryPanel serviceOrder={so} />
      </div>

      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Change status</Heading>
          </div>
          {/* Reset after each change: the allowed statuses depend on the new one. */}
          <ServiceOrderStatusForm key={`${so.status}-${so.history.length}`} serviceOrder={so} />
        </Container>

        <Container className="divide-y p-0" data-testid="service-order-links">
          <Row label="Service">
            {so.product_id ? (
              <Link to={`/products/${so.product_id}`} className={linkClass} data-testid="service-order-product-link">
                {so.title}
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small">{so.title}</Text>
            )}
          </Row>
          <Row label="Order">
            <Link to={`/orders/${so.order_id}`} className={linkClass} data-testid="service-order-order-link">
              {so.order_display_id != null ? `#${so.order_display_id}` : "View order"}
              <ArrowUpRightOnBox />
            </Link>
          </Row>
          <Row label="Invoice">
            {so.invoice_id ? (
              <Link to={`/invoices/${so.invoice_id}`} className={linkClass} data-testid="service-order-invoice-link">
                {so.invoice_number ?? "View invoice"}
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                —
              </Text>
            )}
          </Row>
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              Customer
            </Text>
            <Text size="small" data-testid="service-order-customer">
              {customerName(so.customer, so.email)}
              {so.customer_id ? "" : " (guest)"}
            </Text>
            {(so.customer?.email ?? so.email) && (so.customer?.email ?? so.email) !== customerName(so.customer, so.email) && (
              <Text size="small" className="text-ui-fg-subtle">
                {so.customer?.email ?? so.email}
              </Text>
            )}
            {so.customer_id && (
              <Link to={`/customers/${so.customer_id}`} className={linkClass} data-testid="service-order-customer-link">
                View customer
              </Link>
            )}
          </div>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Dates</Heading>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-6 py-4" data-testid="service-order-dates">
            <Stamp label="Created" value={formatDateTime(so.created_at)} />
            <Stamp label="Submitted" value={formatDateTime(so.submitted_at)} />
            <Stamp label="Completed" value={formatDateTime(so.completed_at)} />
            <Stamp label="Canceled" value={formatDateTime(so.canceled_at)} />
          </dl>
          {so.refund && (
            <div className="px-6 py-4" data-testid="service-order-refund">
              <AmountRow
                label="Refunded to account credit"
                value={formatMoney(so.refund.amount, so.refund.currency_code)}
                testId="service-order-refund-amount"
              />
            </div>
          )}
        </Container>
      </div>
    </div>
  )
}

const IntakePanel = ({ serviceOrder: so }: { serviceOrder: AdminServiceOrderDetail }) => {
  const { form, submission } = so.intake ?? { form: null, submission: null }
  const description = !form
    ? "This service has no intake form."
    : submission
      ? `${form.title} · version ${submission.version} · submitted ${formatDateTime(submission.created_at)}`
      : `${form.title} · version ${form.version}`
  return (
    <Container className="divide-y p-0" data-testid="service-order-intake">
      <div className="px-6 py-4">
        <Heading level="h2">Intake</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="service-order-intake-form">
          {description}
        </Text>
      </div>
      {form && submission ? (
        <IntakeAnswers
          fields={form.fields}
          submission={submission}
          fileUrl={(fileId) => serviceOrderFileUrl(so.id, fileId)}
        />
      ) : form ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="service-order-no-submission">
          {so.status === "canceled" ? "The client did not fill in the intake form." : "The client has not filled in the intake form yet."}
        </Text>
      ) : null}
    </Container>
  )
}

const HistoryPanel = ({ serviceOrder: so }: { serviceOrder: AdminServiceOrderDetail }) => {
  // Newest first; rows of the same instant keep their order, reversed.
  const history = (so.history ?? [])
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.created_at.localeCompare(a.entry.created_at) || b.index - a.index)
    .map(({ entry }) => entry)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">History</Heading>
      </div>
      {history.length ? (
        <ol className="flex flex-col px-6 py-4" data-testid="service-order-history">
          {history.map((entry, i) => (
            <li key={entry.id} className="relative flex gap-x-3 pb-4 last:pb-0" data-testid="service-order-history-entry">
              {i < history.length - 1 && <span className="bg-ui-border-base absolute left-[5px] top-4 h-full w-px" aria-hidden />}
              <span className="bg-ui-bg-base border-ui-border-strong mt-1 size-[11px] shrink-0 rounded-full border-2" aria-hidden />
              <div className="flex min-w-0 flex-1 flex-col gap-y-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {entry.from_status ? (
                    <>
                      <ServiceOrderStatusBadge status={entry.from_status} testId="history-from" />
                      <span className="text-ui-fg-muted txt-compact-small">→</span>
                    </>
                  ) : (
                    <Text size="small" className="text-ui-fg-subtle">
                      Created as
                    </Text>
                  )}
                  <ServiceOrderStatusBadge status={entry.to_status} testId="history-to" />
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle" data-testid="history-meta">
                  {ACTOR_LABEL[entry.actor_type] ?? entry.actor_type} · {formatDateTime(entry.created_at)}
                </Text>
                {entry.note && (
                  <Text size="small" className="bg-ui-bg-subtle rounded-md px-3 py-2 whitespace-pre-wrap" data-testid="history-note">
                    {entry.note}
                  </Text>
                )}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No changes yet.
        </Text>
      )}
    </Container>
  )
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4">
    <Text size="small" weight="plus">
      {label}
    </Text>
    <div className="min-w-0 truncate">{children}</div>
  </div>
)

const Stamp = ({ label, value }: { label: string; value: string }) => (
  <>
    <dt className="txt-compact-small text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-small text-right">{value}</dd>
  </>
)

/** Breadcrumb of the service order page. */
export const handle = {
  breadcrumb: () => "Service order",
}

export default ServiceOrderDetailPage
