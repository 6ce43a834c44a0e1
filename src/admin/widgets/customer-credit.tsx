import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Select, Table, Text, clx } from "@medusajs/ui"
import { OffsetPagination } from "../components/common/offset-pagination"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { CREDIT_REASON, formatSigned, useStoreCurrencies } from "../components/credit/credit"
import { CreditAdjustmentDrawer, type CreditAdjustmentType } from "../components/credit/credit-adjustment-drawer"
import { QueryState } from "../components/common/query-state"
import { portico } from "../lib/api"
import { formatDate, formatDateTime, formatMoney } from "../lib/format"
import { porticoKeys } from "../lib/query-keys"
import type { CreditAccount } from "../lib/types"

const PAGE_SIZE = 20
const ALL = "all"

/**
 * Customer widget "Account credit" (customer details, main column): the
 * balance in each currency, the ledger (newest first, 20 per page, filtered
 * by currency when there are several) and the merchant's "Grant credit" and
 * "Deduct credit" actions. A guest cannot hold credit: the widget says so and
 * offers no action.
 */
const CustomerCreditWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [adjusting, setAdjusting] = useState<CreditAdjustmentType | null>(null)
  const [currency, setCurrency] = useState<string>(ALL)
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useQuery({
    queryKey: porticoKeys.customerCredit(customer.id),
    queryFn: () => portico.admin.customers.credit(customer.id),
  })
  const accounts = data?.accounts ?? []
  const canHold = !!data?.has_account
  // Loaded with the widget so that the grant form opens with its currencies.
  useStoreCurrencies()
  const anyBalance = accounts.some((a) => a.balance > 0)

  return (
    <Container className="divide-y p-0" data-testid="customer-credit">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Account credit</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Applied automatically at checkout; refunds to credit and your grants add to it.
          </Text>
        </div>
        {canHold && (
          <div className="flex shrink-0 items-center gap-x-2">
            {anyBalance && (
              <Button size="small" variant="secondary" onClick={() => setAdjusting("deduct")} data-testid="credit-deduct">
                Deduct credit
              </Button>
            )}
            <Button size="small" variant="secondary" onClick={() => setAdjusting("grant")} data-testid="credit-grant">
              Grant credit
            </Button>
          </div>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={
          data && !data.has_account
            ? "This customer checked out as a guest: without an account they cannot hold credit."
            : data && !accounts.length && "No account credit yet. Grant credit to give this client a balance to spend at checkout."
        }
        emptyTestId={data && !data.has_account ? "credit-guest" : "credit-empty"}
      >
        {() => (
          <>
            <Balances accounts={accounts} />
            <Ledger
              customerId={customer.id}
              accounts={accounts}
              currency={currency}
              offset={offset}
              onCurrency={(c) => {
                setCurrency(c)
                setOffset(0)
              }}
              onOffset={setOffset}
            />
          </>
        )}
      </QueryState>
      <CreditAdjustmentDrawer
        customerId={customer.id}
        type={adjusting}
        accounts={accounts}
        preferredCurrency={currency === ALL ? undefined : currency}
        onClose={() => {
          setAdjusting(null)
          setOffset(0)
        }}
      />
    </Container>
  )
}

/** A timestamp's local time of day (`1:01 PM`). */
const formatTime = (value: string) => new Intl.DateTimeFormat(undefined, { timeStyle: "short" }).format(new Date(value))

const Balances = ({ accounts }: { accounts: CreditAccount[] }) => (
  <div className="grid grid-cols-1 gap-3 px-6 py-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="credit-balances">
    {accounts.map((account) => (
      <div
        key={account.id}
        className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3"
        data-testid="credit-balance"
        data-currency={account.currency_code}
      >
        <Text size="xsmall" weight="plus" className="text-ui-fg-subtle uppercase">
          {account.currency_code} balance
        </Text>
        <Text size="xlarge" weight="plus" className="tabular-nums" data-testid="credit-balance-amount">
          {formatMoney(account.balance, account.currency_code)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted tabular-nums">
          {formatMoney(account.credits, account.currency_code)} in · {formatMoney(account.debits, account.currency_code)} out
        </Text>
      </div>
    ))}
  </div>
)

const Ledger = ({
  customerId,
  accounts,
  currency,
  offset,
  onCurrency,
  onOffset,
}: {
  customerId: string
  accounts: CreditAccount[]
  currency: string
  offset: number
  onCurrency: (currency: string) => void
  onOffset: (offset: number) => void
}) => {
  const filter = currency === ALL ? undefined : currency
  const { data, isLoading, error } = useQuery({
    queryKey: porticoKeys.creditLedger(customerId, { currency_code: filter, offset }),
    queryFn: () =>
      portico.admin.customers.creditTransactions(customerId, { currency_code: filter, limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
  })
  const count = data?.count ?? 0
  const several = accounts.length > 1

  return (
    <div data-testid="credit-ledger">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h3">History</Heading>
        {several && (
          <div className="w-[180px]">
            <Select size="small" value={currency} onValueChange={onCurrency}>
              <Select.Trigger data-testid="credit-currency-filter" aria-label="Currency">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All currencies</Select.Item>
                {accounts.map((a) => (
                  <Select.Item key={a.currency_code} value={a.currency_code}>
                    {a.currency_code.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={!data?.transactions.length && "No credit movements yet."}
        emptyTestId="credit-ledger-empty"
        className="border-t px-6 py-4"
      >
        {(data) => (
          <>
            <div className="overflow-x-auto">
              <Table data-testid="credit-ledger-table">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Date</Table.HeaderCell>
                    <Table.HeaderCell>Entry</Table.HeaderCell>
                    <Table.HeaderCell>Order</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.transactions.map((t) => (
                    <Table.Row key={t.id} data-testid="credit-entry" data-reason={t.reason}>
                      <Table.Cell className="whitespace-nowrap">
                        <div className="flex flex-col py-1" title={formatDateTime(t.created_at)}>
                          <span>{formatDate(t.created_at)}</span>
                          <span className="text-ui-fg-muted txt-compact-xsmall">{formatTime(t.created_at)}</span>
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex max-w-[260px] flex-col py-1">
                          <span className="txt-compact-small-plus text-ui-fg-base" data-testid="credit-entry-reason">
                            {CREDIT_REASON[t.reason] ?? t.reason}
                          </span>
                          {t.note && (
                            <span className="txt-compact-xsmall truncate" title={t.note} data-testid="credit-entry-note">
                              {t.note}
                            </span>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap" data-testid="credit-entry-order">
                        {t.order_id ? (
                          <div className="flex flex-col py-1">
                            <Link
                              to={`/orders/${t.order_id}`}
                              className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                            >
                              {t.order_display_id != null ? `#${t.order_display_id}` : "View order"}
                            </Link>
                            {t.invoice_number && (
                              <span className="text-ui-fg-muted txt-compact-xsmall">{t.invoice_number}</span>
                            )}
                          </div>
                        ) : (
                          "—"
                        )}
                      </Table.Cell>
                      <Table.Cell
                        className={clx(
                          "whitespace-nowrap text-right tabular-nums",
                          t.signed_amount < 0 ? "text-ui-tag-red-text" : "text-ui-tag-green-text"
                        )}
                        data-testid="credit-entry-amount"
                      >
                        {formatSigned(t.signed_amount, t.currency_code)}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap text-right tabular-nums" data-testid="credit-entry-balance">
                        {formatMoney(t.balance_after, t.currency_code)}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <OffsetPagination count={count} offset={offset} pageSize={PAGE_SIZE} onOffset={onOffset} />
          </>
        )}
      </QueryState>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerCreditWidget
