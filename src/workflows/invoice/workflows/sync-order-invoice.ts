import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { InvoiceEvents } from "../../../modules/invoice/constants"
import { CreditEvents, STORE_CREDIT_LINE_REFERENCE } from "../../credit/constants"
import { cartInvoiceSnapshot, invoiceCartFields } from "../cart-snapshot"
import { markInvoicePaidStep } from "../steps/mark-invoice-paid"
import { openInvoiceStep } from "../steps/open-invoice"
import { orderPaymentStateStep, type OrderPaymentsInput } from "../steps/order-payment-state"
import { voidInvoiceStep } from "../steps/void-invoice"

export const syncOrderInvoiceWorkflowId = "portico-sync-order-invoice"

/**
 * Brings the invoice of an order in line with the order. The first run (on
 * `order.placed`) mirrors the final cart, gives the invoice the next number
 * and makes it `open` (`portico.invoice.opened`). Whenever the payment is
 * confirmed (captured, or authorized by a provider that is not deferred, or
 * nothing due because credit covers it) an open invoice becomes `paid`
 * (`portico.invoice.paid`); a canceled order's open invoice becomes `void`
 * (`portico.invoice.voided`). Idempotent: a transition happens, and its event
 * is emitted, once, however often it runs (duplicate events, retries).
 *
 * @example
 * await syncOrderInvoiceWorkflow(container).run({ input: { order_id } })
 */
export const syncOrderInvoiceWorkflow = createWorkflow(
  syncOrderInvoiceWorkflowId,
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "status",
        "cart.id",
        "payment_collections.status",
        "payment_collections.amount",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.captured_at",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-order" })
    const cartId = transform({ orders }, ({ orders }) => orders[0].cart?.id as string)
    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: invoiceCartFields,
      filters: { id: transform({ cartId }, ({ cartId }) => cartId ?? "none") },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-cart" })
    const snapshot = transform({ carts }, ({ carts }) => cartInvoiceSnapshot(carts[0]))

    const opened = openInvoiceStep({ snapshot, order_id: input.order_id })
    const eventData = transform({ opened, input, cartId }, ({ opened, input, cartId }) => ({
      id: opened.id,
      number: opened.number,
      cart_id: cartId,
      order_id: input.order_id,
    }))
    // A cart completed before the background mirror gave it an invoice: the
    // invoice was created here, and says so first, as the mirror would have.
    when("invoice-created", { opened }, ({ opened }) => opened.created).then(() => {
      emitEventStep({
        eventName: InvoiceEvents.CREATED,
        data: transform({ opened, cartId }, ({ opened, cartId }) => ({ id: opened.id, cart_id: cartId })),
      }).config({ name: "emit-created" })
    })
    when("invoice-opened", { opened }, ({ opened }) => opened.transitioned).then(() => {
      emitEventStep({ eventName: InvoiceEvents.OPENED, data: eventData }).config({ name: "emit-opened" })
    })
    // The loyalty plugin debited the credit while completing the cart; say so
    // once, when the order's invoice opens.
    const creditDebit = transform({ carts, opened, input }, ({ carts, opened, input }) => {
      const cart = carts[0]
      const amount = (cart.credit_lines ?? [])
        .filter((l: { reference?: string | null } | null) => l?.reference === STORE_CREDIT_LINE_REFERENCE)
        .reduce((sum: number, l: { amount: unknown }) => sum + Number(String(l.amount ?? 0)), 0)
      return opened.transitioned && amount > 0
        ? [
            {
              order_id: input.order_id,
              cart_id: cart.id,
              invoice_id: opened.id,
              customer_id: cart.customer_id ?? null,
              currency_code: cart.currency_code,
              amount,
            },
          ]
        : []
    })
    emitEventStep({ eventName: CreditEvents.DEBITED, data: creditDebit }).config({ name: "emit-credit-debited" })

    const canceled = transform({ orders }, ({ orders }) => orders[0].status === "canceled")
    const voided = when(
      "order-canceled",
      { opened, canceled },
      ({ opened, canceled }) => canceled && opened.status === "open"
    ).then(() => voidInvoiceStep({ id: opened.id }))
    when("invoice-voided", { voided }, ({ voided }) => !!voided?.transitioned).then(() => {
      emitEventStep({ eventName: InvoiceEvents.VOIDED, data: eventData }).config({ name: "emit-voided" })
    })

    const payment = orderPaymentStateStep(
      transform({ orders }, ({ orders }) => orders[0] as unknown as OrderPaymentsInput)
    )
    const paid = when(
      "payment-confirmed",
      { opened, payment, canceled },
      ({ opened, payment, canceled }) => !canceled && payment.confirmed && opened.status === "open"
    ).then(() => markInvoicePaidStep({ id: opened.id }))
    when("invoice-paid", { paid }, ({ paid }) => !!paid?.transitioned).then(() => {
      emitEventStep({ eventName: InvoiceEvents.PAID, data: eventData }).config({ name: "emit-paid" })
    })
    return new WorkflowResponse(opened)
  }
)
