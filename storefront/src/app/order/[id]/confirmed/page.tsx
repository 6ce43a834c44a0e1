import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { retrieveOrderInvoice } from "@lib/data/invoices"
import { retrieveOrder } from "@lib/data/orders"
import { retrievePaymentInstructions } from "@lib/data/payment-instructions"
import { listOrderServiceOrders } from "@lib/data/service-orders"
import { creditOf } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import { loginHref } from "@lib/util/portal"
import InvoiceSummary from "@modules/order/components/invoice-summary"
import PaymentInstructions from "@modules/order/components/payment-instructions"
import OrderDetails from "@modules/order/templates/order-details"
import OrderServiceOrders from "@modules/service-orders/components/order-service-orders"

export const metadata: Metadata = { title: "Order confirmed" }

export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const [order, invoice, customer] = await Promise.all([retrieveOrder(id), retrieveOrderInvoice(id), retrieveCustomer()])
  if (!order) {
    notFound()
  }
  // The checkout opened the invoice and created a paid order's service orders: these are reads.
  const [serviceOrders, instructions] = await Promise.all([listOrderServiceOrders(id), retrievePaymentInstructions(id)])
  // Bank transfer: the order is placed, but nothing is paid (or started) until the money arrives
  // (not for a voided invoice: its order is canceled, there is nothing left to pay).
  const awaitingPayment = instructions?.status === "awaiting_payment" && invoice?.status !== "void" && order.status !== "canceled"
  const credit = order.credit_lines ? creditOf(order).account : Number(invoice?.credit_total ?? 0)
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <div
        className={`card mb-8 p-6 ${awaitingPayment ? "border-amber-200 bg-white" : "border-emerald-200 bg-emerald-50"}`}
        data-testid="order-thank-you"
      >
        <p className={`text-sm font-semibold uppercase tracking-wide ${awaitingPayment ? "text-amber-800" : "text-emerald-700"}`}>
          Thank you
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight" data-testid="order-confirmed">
          {awaitingPayment ? `Order #${order.display_id} is placed` : `Order #${order.display_id} is confirmed`}
        </h1>
        {awaitingPayment ? (
          <p className="mt-2 text-ink-soft" data-testid="awaiting-payment-note">
            It is not paid yet: transfer{" "}
            <strong className="text-ink">{formatMoney(instructions.amount, instructions.currency_code)}</strong> with
            the details below, and we start work once your transfer arrives.
          </p>
        ) : null}
        <InvoiceSummary invoice={invoice} className="mt-2" />
        {credit > 0 ? (
          <p className="mt-2 text-ink-soft" data-testid="credit-paid">
            {Number(order.total) > 0
              ? `${formatMoney(credit, order.currency_code)} of it was paid with your account credit.`
              : "Paid in full with your account credit: nothing more to pay."}
          </p>
        ) : null}
        <p className="mt-2 text-ink-soft" data-testid="order-contact">
          We will contact you at <strong>{order.email}</strong> about your order.
          {/* A signed-in client's order is in their portal; a guest's joins the portal of its email
              at the first login by emailed link (the link on this page fills the email in). */}
          {customer && order.customer_id === customer.id ? (
            <>
              {" "}
              <Link href={`/portal/orders/${order.id}`} className="font-semibold text-brand underline" data-testid="order-in-account">
                Follow it in your account
              </Link>
              .
            </>
          ) : order.email ? (
            <>
              {" "}
              Later, follow it in{" "}
              <Link
                href={loginHref(`/portal/orders/${order.id}`, order.email)}
                className="font-semibold text-brand underline"
                data-testid="order-portal-login"
              >
                your customer portal
              </Link>
              : we email you a link to sign in.
            </>
          ) : null}
        </p>
      </div>
      <PaymentInstructions instructions={awaitingPayment ? instructions : null} className="mb-8" />
      <OrderServiceOrders serviceOrders={serviceOrders} className="mb-8" />
      <OrderDetails order={order} invoice={invoice} />
    </div>
  )
}
