import { ArrowUpRightOnBox, TriangleRightMini } from "@medusajs/icons"
import { Container, Heading, IconButton, Table, Text, clx } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Fragment, useState, type ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import { PagePending } from "../../../components/common/query-state"
import { SubscriptionActions } from "../../../components/subscriptions/subscription-actions"
import {
  AttemptOutcomeBadge,
  RenewalStatusBadge,
  SubscriptionStatusBadge,
} from "../../../components/subscriptions/subscription-status"
import { customerName, formatDate, formatDateTime, formatMoney } from "../../../lib/format"
import { sdk } from "../../../lib/sdk"
import {
  cyclesLabel,
  HISTORY_ACTION,
  intervalLabel,
  nextRenewalLabel,
  openRenewal,
  periodRange,
  priceLabel,
  RENEWAL_CODE_HINT,
  RENEWAL_STATUS,
  SUBSCRIPTION_ACTOR,
  useOrderNumbers,
  useSubscription,
  type AdminRenewal,
  type AdminSubscription,
  type SubscriptionHistoryView,
} from "../../../lib/subscriptions"

const linkClass = "txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"

/**
 * Admin page of one subscription: its status and billing facts, the
 * merchant's controls (pause, resume, cancel now or at period end, undo the
 * cancel, move the next renewal, retry an unpaid renewal), the renewals with
 * each one's charge attempts, the history, and links to the customer, the
 * first order, the service order and the service.
 */
const SubscriptionDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useSubscription(id)
  const sub = data?.subscription
  const orders = useOrderNumbers(sub ? [sub.order_id, ...sub.renewals.map((r) => r.order_id).filter((o): o is string => !!o)] : [])
  const customer = useQuery({
    queryKey: ["portico", "customer-name", sub?.customer_id],
    queryFn: async () =>
      (await sdk.admin.customer.retrieve(sub!.customer_id!, { fields: "id,email,first_name,last_name" })).customer,
    enabled: !!sub?.customer_id,
  })

  if (error || isLoading || !sub) {
    return <PagePending error={error} />
  }

  const orderLabel = (orderId: string) => {
    const n = orders.data?.get(orderId)
    return n != null ? `#${n}` : "View order"
  }
  const variant = sub.variant_title && sub.variant_title !== "Default" ? sub.variant_title : null
  const name = customerName(customer.data, sub.email)

  return (
    <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="subscription-detail">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-start justify-between gap-x-4 px-6 py-4">
            <div className="min-w-0">
              <div className="flex items-center gap-x-2">
                <Heading level="h1" data-testid="subscription-heading">
                  {sub.title}
                </Heading>
                <SubscriptionStatusBadge status={sub.status} size="small" testId="subscription-detail-status" />
              </div>
              <Text size="small" className="text-ui-fg-subtle" data-testid="subscription-subtitle">
                {[variant, sub.email, `since ${formatDate(sub.created_at)}`].filter(Boolean).join(" · ")}
              </Text>
            </div>
            <SubscriptionActions subscription={sub} />
          </div>
          <StateNotice subscription={sub} />
          <dl className="grid grid-cols-1 gap-x-6 gap-y-4 px-6 py-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="subscription-facts">
            <Fact label="Price" value={priceLabel(sub)} testId="subscription-fact-price" />
            <Fact label="Renews" value={intervalLabel(sub)} testId="subscription-fact-interval" />
            <Fact label="Cycles paid" value={cyclesLabel(sub)} testId="subscription-fact-cycles" />
            <Fact
              label="Current period"
              value={periodRange(sub.current_period_start, sub.current_period_end)}
              testId="subscription-fact-period"
            />
            <Fact
              label="Next renewal"
              value={
                sub.next_renewal_at && sub.status === "active" && !sub.cancel_at_period_end
                  ? `${formatDateTime(sub.next_renewal_at)}${sub.next_renewal_amount != null ? ` · ${formatMoney(sub.next_renewal_amount, sub.currency_code)}` : ""}`
                  : nextRenewalLabel(sub)
              }
              testId="subscription-fact-next-renewal"
            />
            <Fact
              label="Payment method"
              value={sub.payment_method_label ?? "None saved: renewals are invoiced"}
              testId="subscription-fact-payment-method"
            />
          </dl>
        </Container>

        <RenewalsPanel subscription={sub} orderLabel={orderLabel} />
        <HistoryPanel subscription={sub} />
      </div>

      <div className="flex w-full flex-col gap-y-3 xl:max-w-[360px]">
        <Container className="divide-y p-0" data-testid="subscription-links">
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              Customer
            </Text>
            <Text size="small" data-testid="subscription-customer">
              {name}
              {sub.customer_id ? "" : " (guest)"}
            </Text>
            {sub.email && sub.email !== name && (
              <Text size="small" className="text-ui-fg-subtle">
                {sub.email}
              </Text>
            )}
            {sub.customer_id && (
              <Link to={`/customers/${sub.customer_id}`} className={linkClass} data-testid="subscription-customer-link">
                View customer
              </Link>
            )}
          </div>
          <Row label="First order">
            <Link to={`/orders/${sub.order_id}`} className={linkClass} data-testid="subscription-order-link">
              {orderLabel(sub.order_id)}
              <ArrowUpRightOnBox />
            </Link>
          </Row>
          <Row label="Service order">
            {sub.service_order_id ? (
              <Link
                to={`/service-orders/${sub.service_order_id}`}
                className={linkClass}
                data-testid="subscription-service-order-link"
              >
                View service order
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                —
              </Text>
            )}
          </Row>
          <Row label="Service">
            {sub.product_id ? (
              <Link to={`/products/${sub.product_id}`} className={linkClass} data-testid="subscription-product-link">
                {sub.title}
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small">{sub.title}</Text>
            )}
          </Row>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Dates</Heading>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-6 py-4" data-testid="subscription-dates">
            <Stamp label="Started" value={formatDateTime(sub.created_at)} />
            <Stamp label="Paused" value={formatDateTime(sub.paused_at)} />
            <Stamp label="Resumes" value={formatDateTime(sub.resume_at)} />
            <Stamp label="Canceled" value={formatDateTime(sub.canceled_at)} />
            <Stamp label="Ended" value={formatDateTime(sub.ended_at)} />
          </dl>
        </Container>
      </div>
    </div>
  )
}

/** A line under the header when the subscription's state needs explaining: set to cancel, paused, a renewal unpaid. */
const StateNotice = ({ subscription: sub }: { subscription: AdminSubscription }) => {
  const open = openRenewal(sub)
  let notice: string | null = null
  if (sub.status === "active" && sub.cancel_at_period_end) {
    notice = `Set to cancel: the client keeps the service until ${formatDateTime(sub.current_period_end)}, then it ends without another charge.`
  } else if (sub.status === "paused") {
    notice = `Paused since ${formatDateTime(sub.paused_at)}: no renewals ${sub.resume_at ? `until ${formatDateTime(sub.resume_at)}, when it resumes automatically` : "until you resume it"}.`
  } else if (open) {
    const code = open.last_error_code
    const why = (code && RENEWAL_CODE_HINT[code]) ?? open.last_error_message
    notice = `The renewal for ${periodRange(open.period_start, open.period_end)} is unpaid (${RENEWAL_STATUS[open.status].label.toLowerCase()})${why ? `: ${why}` : ""}${code ? ` [${code}]` : ""}.${open.next_attempt_at ? ` Next attempt ${formatDateTime(open.next_attempt_at)}.` : ""}`
  } else if (sub.status === "canceled") {
    notice = `Canceled on ${formatDateTime(sub.canceled_at)}: it is not charged again.`
  } else if (sub.status === "ended") {
    notice = `Ended on ${formatDateTime(sub.ended_at)}: all its billing cycles are paid.`
  }
  if (!notice) {
    return null
  }
  return (
    <Text size="small" className="text-ui-fg-subtle bg-ui-bg-subtle px-6 py-3" data-testid="subscription-notice">
      {notice}
    </Text>
  )
}

const RenewalsPanel = ({
  subscription: sub,
  orderLabel,
}: {
  subscription: AdminSubscription
  orderLabel: (orderId: string) => string
}) => {
  // Renewals still being paid (or given up on) show their attempts at once.
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(sub.renewals.filter((r) => r.status !== "paid" && r.attempts.length).map((r) => r.id))
  )
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const money = (amount: number) => formatMoney(amount, sub.currency_code)

  return (
    <Container className="divide-y p-0" data-testid="subscription-renewals">
      <div className="px-6 py-4">
        <Heading level="h2">Renewals</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          One per billing period after the first purchase: account credit pays what it can, the saved card the rest.
        </Text>
      </div>
      {sub.renewals.length ? (
        <div className="overflow-x-auto">
          <Table data-testid="renewal-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-8" />
                <Table.HeaderCell>Period</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                <Table.HeaderCell>Invoice · order</Table.HeaderCell>
                <Table.HeaderCell>Attempts</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sub.renewals.map((r) => {
                const open = expanded.has(r.id)
                return (
                  <Fragment key={r.id}>
                    <Table.Row data-testid="renewal-row" data-period={r.period} data-status={r.status}>
                      <Table.Cell>
                        <IconButton
                          size="2xsmall"
                          variant="transparent"
                          aria-label={open ? "Hide charge attempts" : "Show charge attempts"}
                          aria-expanded={open}
                          onClick={() => toggle(r.id)}
                          data-testid="renewal-toggle"
                        >
                          <TriangleRightMini className={clx("transition-transform", open && "rotate-90")} />
                        </IconButton>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        <div className="flex flex-col py-1">
                          <span className="txt-compact-small-plus">Period {r.period + 1}</span>
                          <span className="text-ui-fg-subtle txt-compact-xsmall" data-testid="renewal-dates">
                            {periodRange(r.period_start, r.period_end)}
                          </span>
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col items-start gap-y-1 py-1">
                          <RenewalStatusBadge status={r.status} />
                          {r.paid_at ? (
                            <span className="text-ui-fg-subtle txt-compact-xsmall">Paid {formatDate(r.paid_at)}</span>
                          ) : r.last_error_code ? (
                            <span
                              className="text-ui-fg-error txt-compact-xsmall font-mono"
                              title={r.last_error_message ?? RENEWAL_CODE_HINT[r.last_error_code] ?? undefined}
                              data-testid="renewal-error"
                            >
                              {r.last_error_code}
                            </span>
                          ) : null}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap text-right tabular-nums">
                        <div className="flex flex-col py-1">
                          <span data-testid="renewal-amount">{money(r.amount)}</span>
                          {r.credit_amount > 0 && (
                            <span className="text-ui-fg-subtle txt-compact-xsmall" data-testid="renewal-credit">
                              {money(r.credit_amount)} from credit
                            </span>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        <div className="flex flex-col py-1">
                          {r.invoice_id ? (
                            <Link to={`/invoices/${r.invoice_id}`} className={linkClass} data-testid="renewal-invoice-link">
                              {r.invoice_number ?? "View invoice"}
                            </Link>
                          ) : (
                            <span className="text-ui-fg-muted txt-compact-small">No invoice</span>
                          )}
                          {r.order_id && (
                            <Link to={`/orders/${r.order_id}`} className={linkClass} data-testid="renewal-order-link">
                              Order {orderLabel(r.order_id)}
                            </Link>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        <div className="flex flex-col py-1">
                          <span data-testid="renewal-attempts">{r.attempt_count}</span>
                          {r.next_attempt_at && (
                            <span className="text-ui-fg-subtle txt-compact-xsmall">
                              next {formatDateTime(r.next_attempt_at)}
                            </span>
                          )}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                    {open && (
                      <Table.Row className="hover:bg-transparent" data-testid="renewal-attempts-row">
                        {/* A plain cell: Table.Cell does not take colSpan. */}
                        <td colSpan={6} className="bg-ui-bg-subtle px-6 py-3">
                          <Attempts renewal={r} />
                        </td>
                      </Table.Row>
                    )}
                  </Fragment>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="renewals-empty">
          {sub.next_renewal_at ? `No renewals yet: the first is due ${formatDateTime(sub.next_renewal_at)}.` : "No renewals."}
        </Text>
      )}
    </Container>
  )
}

/** A renewal's charge attempts, oldest first. */
const Attempts = ({ renewal }: { renewal: AdminRenewal }) => {
  if (!renewal.attempts.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="renewal-no-attempts">
        {renewal.credit_amount >= renewal.amount
          ? "No card charge: account credit paid it all."
          : "No charge attempt yet."}
      </Text>
    )
  }
  return (
    <table className="w-full" data-testid="attempt-table">
      <thead>
        <tr className="text-ui-fg-subtle txt-compact-xsmall-plus text-left">
          <th className="py-1 pr-4 font-medium">#</th>
          <th className="py-1 pr-4 font-medium">Time</th>
          <th className="py-1 pr-4 text-right font-medium">Amount</th>
          <th className="py-1 pr-4 font-medium">Outcome</th>
          <th className="py-1 pr-4 font-medium">Code</th>
          <th className="py-1 font-medium">Idempotency key</th>
        </tr>
      </thead>
      <tbody>
        {renewal.attempts.map((a) => (
          <tr key={`${a.attempt}-${a.at}`} className="txt-compact-small align-top" data-testid="attempt-row">
            <td className="py-1 pr-4 tabular-nums">{a.attempt}</td>
            <td className="whitespace-nowrap py-1 pr-4">{formatDateTime(a.at)}</td>
            <td className="whitespace-nowrap py-1 pr-4 text-right tabular-nums">
              {formatMoney(a.amount, renewal.currency_code)}
            </td>
            <td className="py-1 pr-4">
              <AttemptOutcomeBadge status={a.status} />
            </td>
            <td className="py-1 pr-4">
              {a.code ? (
                <span className="font-mono" title={a.message ?? undefined}>
                  {a.code}
                </span>
              ) : (
                <span className="text-ui-fg-muted">—</span>
              )}
              {a.message && <div className="text-ui-fg-subtle txt-compact-xsmall max-w-[240px]">{a.message}</div>}
            </td>
            <td className="py-1">
              <span className="text-ui-fg-subtle txt-compact-xsmall break-all font-mono" data-testid="attempt-key">
                {a.idempotency_key}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A date-time of a history entry's data, if it holds one. */
const when = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatDateTime(value) : null)

/** What a history entry's data adds to its action, in words. */
function historyDetail(entry: SubscriptionHistoryView): string | null {
  const d = entry.data ?? {}
  switch (entry.action) {
    case "renewed":
      return typeof d.period === "number" ? `Period ${d.period + 1} paid` : null
    case "payment_failed":
    case "payment_requires_action":
      return [
        typeof d.period === "number" ? `Period ${d.period + 1}` : null,
        typeof d.code === "string" ? d.code : null,
        when(d.next_attempt_at) ? `next attempt ${when(d.next_attempt_at)}` : null,
      ]
        .filter(Boolean)
        .join(" · ") || null
    case "cancel_scheduled":
      return when(d.at) ? `Ends on ${when(d.at)}` : null
    case "paused":
      return when(d.resume_at) ? `Until ${when(d.resume_at)}` : null
    case "resumed":
      return when(d.anchor_at) ? `A new period starts ${when(d.anchor_at)}` : null
    case "renewal_moved":
      return when(d.from) && when(d.to) ? `${when(d.from)} → ${when(d.to)}` : null
    case "payment_method_updated":
      return typeof d.payment_method_label === "string" ? d.payment_method_label : null
    default:
      return null
  }
}

const HistoryPanel = ({ subscription: sub }: { subscription: AdminSubscription }) => {
  // Newest first; rows of the same instant keep their order, reversed.
  const history = (sub.history ?? [])
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.created_at.localeCompare(a.entry.created_at) || b.index - a.index)
    .map(({ entry }) => entry)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">History</Heading>
      </div>
      {history.length ? (
        <ol className="flex flex-col px-6 py-4" data-testid="subscription-history">
          {history.map((entry, i) => {
            const detail = historyDetail(entry)
            return (
              <li
                key={entry.id}
                className="relative flex gap-x-3 pb-4 last:pb-0"
                data-testid="subscription-history-entry"
                data-action={entry.action}
              >
                {i < history.length - 1 && (
                  <span className="bg-ui-border-base absolute left-[5px] top-4 h-full w-px" aria-hidden />
                )}
                <span className="bg-ui-bg-base border-ui-border-strong mt-1 size-[11px] shrink-0 rounded-full border-2" aria-hidden />
                <div className="flex min-w-0 flex-1 flex-col gap-y-1">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <Text size="small" weight="plus" data-testid="history-action">
                      {HISTORY_ACTION[entry.action] ?? entry.action}
                    </Text>
                    {entry.from_status && entry.from_status !== entry.to_status ? (
                      <>
                        <SubscriptionStatusBadge status={entry.from_status} testId="history-from" />
                        <span className="text-ui-fg-muted txt-compact-small">→</span>
                        <SubscriptionStatusBadge status={entry.to_status} testId="history-to" />
                      </>
                    ) : !entry.from_status ? (
                      <SubscriptionStatusBadge status={entry.to_status} testId="history-to" />
                    ) : null}
                  </div>
                  {detail && (
                    <Text size="small" className="text-ui-fg-subtle" data-testid="history-detail">
                      {detail}
                    </Text>
                  )}
                  <Text size="xsmall" className="text-ui-fg-subtle" data-testid="history-meta">
                    {SUBSCRIPTION_ACTOR[entry.actor_type] ?? entry.actor_type} · {formatDateTime(entry.created_at)}
                  </Text>
                  {entry.note && (
                    <Text size="small" className="bg-ui-bg-subtle rounded-md px-3 py-2 whitespace-pre-wrap" data-testid="history-note">
                      {entry.note}
                    </Text>
                  )}
                </div>
              </li>
            )
          })}
        </ol>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No changes yet.
        </Text>
      )}
    </Container>
  )
}

const Fact = ({ label, value, testId }: { label: string; value: ReactNode; testId: string }) => (
  <div className="flex flex-col gap-y-0.5">
    <dt className="txt-compact-xsmall-plus text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-small" data-testid={testId}>
      {value}
    </dd>
  </div>
)

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

/** Breadcrumb of the subscription page. */
export const handle = {
  breadcrumb: () => "Subscription",
}

export default SubscriptionDetailPage
