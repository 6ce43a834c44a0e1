import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { AmountInput, amountOf, creditFieldErrors } from "../components/credit/credit"
import { AmountRow } from "../components/common/amount-row"
import { FormField } from "../components/common/form-field"
import { QueryState } from "../components/common/query-state"
import type { AdminCreditRefundBody } from "../../contracts/http"
import { portico, PorticoApiError } from "../lib/api"
import { formatMoney } from "../lib/format"
import { porticoKeys } from "../lib/query-keys"
import type { OrderCreditRefund } from "../lib/types"

/**
 * Order widget "Refund to account credit" (order details, side column): what
 * the client paid (credit used at checkout, payments captured; a payment only
 * authorized, e.g. with Medusa's system provider, is shown apart with why it
 * cannot be refunded yet), what was
 * refunded already (to the payment provider, to credit) and what can still be
 * refunded, with a form to refund (part of) it to the client's account credit
 * instead of their payment method. A guest's order, or one with nothing left
 * to refund, says why and shows no form.
 */
const OrderCreditRefundWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({
    queryKey: porticoKeys.orderCreditRefund(order.id),
    queryFn: () => portico.admin.orders.creditRefund(order.id),
  })
  const refund = data?.refund
  const customerId = refund?.customer_id ?? null
  // Whether the order's customer has an account that can hold credit.
  const customer = useQuery({
    queryKey: porticoKeys.customerCredit(customerId ?? ""),
    queryFn: () => portico.admin.customers.credit(customerId!),
    enabled: !!customerId,
  })
  const loading = isLoading || !refund || (!!customerId && customer.isLoading)

  return (
    <Container className="divide-y p-0" data-testid="order-credit-refund">
      <div className="px-6 py-4">
        <Heading level="h2">Refund to account credit</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Give money back as credit the client spends on their next orders, instead of refunding their payment method.
        </Text>
      </div>
      <QueryState data={refund} error={error ?? customer.error} loading={loading}>
        {(refund) => (
          <>
            <Summary refund={refund} />
            <RefundBody
              refund={refund}
              hasAccount={!!customerId && !!customer.data?.has_account}
              balance={customer.data?.accounts.find((a) => a.currency_code === refund.currency_code)?.balance ?? 0}
            />
          </>
        )}
      </QueryState>
    </Container>
  )
}

/** A payment provider id as merchants know it. */
function providerName(id: string): string {
  if (id === "pp_system_default") return "Medusa's system provider (test / manual payments)"
  if (id.startsWith("pp_bank_transfer")) return "bank transfer"
  if (id.startsWith("pp_stripe")) return "Stripe"
  if (id.startsWith("pp_paypal")) return "PayPal"
  return id
}

/** "Medusa's system provider", "Stripe and PayPal". */
const providerList = (ids: string[]) => {
  const names = ids.map(providerName)
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "")
}

/**
 * Why the captured amount is lower than what the client owes: a payment is
 * authorized, not captured (nothing charged yet, so nothing to refund).
 */
const AwaitingCapture = ({ refund }: { refund: OrderCreditRefund }) => {
  if (!(Number(refund.awaiting_capture) > 0)) return null
  const money = formatMoney(refund.awaiting_capture, refund.currency_code)
  const system = refund.awaiting_capture_providers.includes("pp_system_default")
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="order-credit-awaiting-explained">
      {money} was authorized{refund.awaiting_capture_providers.length ? ` with ${providerList(refund.awaiting_capture_providers)}` : ""} but
      not captured: the client has not been charged it yet, so it cannot be refunded.{" "}
      {system
        ? "The system provider never charges anyone; it records the order as paid later. "
        : ""}
      Capture the payment in the order's Payments section once the money is received; it then counts as captured and
      can be refunded.
    </Text>
  )
}

const Summary = ({ refund }: { refund: OrderCreditRefund }) => {
  const money = (amount: number) => formatMoney(amount, refund.currency_code)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-credit-summary">
      <AmountRow label="Paid with account credit" value={money(refund.credit_used)} testId="order-credit-used" />
      <AmountRow label="Captured payments" value={money(refund.captured)} testId="order-credit-captured" />
      {Number(refund.awaiting_capture) > 0 && (
        <AmountRow
          label="Authorized, not captured"
          value={money(refund.awaiting_capture)}
          testId="order-credit-awaiting-capture"
        />
      )}
      {Number(refund.refunded_to_gateway) > 0 && (
        <AmountRow
          label="Refunded to payment method"
          value={`−${money(refund.refunded_to_gateway)}`}
          testId="order-credit-refunded-gateway"
        />
      )}
      <AmountRow
        label="Refunded to account credit"
        value={Number(refund.refunded_to_credit) ? `−${money(refund.refunded_to_credit)}` : money(0)}
        testId="order-credit-refunded"
      />
      <div className="border-t border-dashed pt-2">
        <AmountRow label="Refundable to credit" value={money(refund.refundable)} testId="order-credit-refundable" strong />
      </div>
      <AwaitingCapture refund={refund} />
    </div>
  )
}

const RefundBody = ({
  refund,
  hasAccount,
  balance,
}: {
  refund: OrderCreditRefund
  hasAccount: boolean
  balance: number
}) => {
  if (!hasAccount) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="order-credit-unavailable">
        This order was placed by a guest: without an account there is no credit to refund to.
      </Text>
    )
  }
  if (!(Number(refund.refundable) > 0)) {
    const nothingPaid = !Number(refund.captured) && !Number(refund.credit_used)
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="order-credit-unavailable">
        {nothingPaid
          ? Number(refund.awaiting_capture) > 0
            ? "Nothing can be refunded yet: no money has been captured for this order (see above)."
            : "Nothing has been paid for this order yet: capture the payment before refunding it to credit."
          : "Nothing left to refund: everything paid for this order has been refunded."}
      </Text>
    )
  }
  return <RefundForm refund={refund} balance={balance} />
}

const RefundForm = ({ refund, balance }: { refund: OrderCreditRefund; balance: number }) => {
  const queryClient = useQueryClient()
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const money = (value: number) => formatMoney(value, refund.currency_code)

  const save = useMutation({
    mutationFn: () =>
      // The amount as typed when it is not a number: the server names the field.
      portico.admin.orders.refundToCredit(refund.order_id, {
        amount: amountOf(amount),
        ...(note.trim() ? { note: note.trim() } : {}),
      } as AdminCreditRefundBody),
    onSuccess: async ({ transaction, refund: updated }) => {
      setErrors({})
      setAmount("")
      setNote("")
      queryClient.setQueryData(porticoKeys.orderCreditRefund(refund.order_id), { refund: updated })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.orderCreditRefund(refund.order_id) }),
        updated.customer_id && queryClient.invalidateQueries({ queryKey: porticoKeys.customerCredit(updated.customer_id) }),
        queryClient.invalidateQueries({ queryKey: porticoKeys.invoices }),
      ])
      toast.success(`${money(transaction.amount)} refunded to the client's account credit`)
    },
    onError: (error) => {
      const byField = creditFieldErrors(error)
      setErrors(byField)
      if (error instanceof PorticoApiError && error.code === "refund_exceeds_paid") {
        // Someone else refunded meanwhile: show what is left now.
        void queryClient.invalidateQueries({ queryKey: porticoKeys.orderCreditRefund(refund.order_id) })
      }
      if (!byField.amount && !byField.note) {
        toast.error(error.message)
      }
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (save.isPending) {
      return
    }
    save.mutate()
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" data-testid="order-credit-form">
      <FormField
        id="order-credit-amount"
        label="Amount"
        hint={
          <>
            Up to {money(refund.refundable)}.{" "}
            <button
              type="button"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              onClick={() => setAmount(String(refund.refundable))}
              data-testid="order-credit-full"
            >
              Refund all
            </button>
          </>
        }
        error={errors.amount}
      >
        <AmountInput
          id="order-credit-amount"
          currency={refund.currency_code}
          value={amount}
          onChange={setAmount}
          invalid={!!errors.amount}
        />
      </FormField>
      <FormField
        id="order-credit-note"
        label="Note"
        optional
        hint="Shown to the client in their credit history."
        error={errors.note}
      >
        <Textarea
          id="order-credit-note"
          data-testid="order-credit-note"
          rows={2}
          maxLength={500}
          placeholder="Refund to account credit"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="order-credit-balance">
          Client's balance: {money(balance)}
        </Text>
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="order-credit-submit">
          Refund to credit
        </Button>
      </div>
    </form>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderCreditRefundWidget
