import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveOrderInvoice } from "@lib/data/invoices"
import { retrieveOrder } from "@lib/data/orders"
import { listOrderServiceOrders } from "@lib/data/service-orders"
import { creditOf } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import InvoiceSummary from "@modules/order/components/invoice-summary"
import OrderDetails from "@modules/order/templates/order-details"
import OrderServiceOrders from "@modules/service-orders/components/order-service-orders"

export const metadata: Metadata = { title: "Order confirmed" }

export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const [order, invoice] = await Promise.all([retrieveOrder(id), retrieveOrderInvoice(id)])
  if (!order) {
    notFound()
  }
  // After the invoice read (which brings the invoice up to date): the backend creates a paid
  // order's service orders on this read if they are not there yet.
  const serviceOrders = await listOrderServiceOrders(id)
  const credit = order.credit_lines ? creditOf(order).account : Number(invoice?.credit_total ?? 0)
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <div className="card mb-8 border-emerald-200 bg-emerald-50 p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-emerald-700">Thank you</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight" data-testid="order-confirmed">
          Order #{order.display_id} is confirmed
        </h1>
        <InvoiceSummary invoice={invoice} className="mt-2" />
        {credit > 0 ? (
          <p className="mt-2 text-ink-soft" data-testid="credit-paid">
            {Number(order.total) > 0
              ? `${formatMoney(credit, order.currency_code)} of it was paid with your account credit.`
              : "Paid in full with your account credit: nothing more to pay."}
          </p>
        ) : null}
        <p className="mt-2 text-ink-soft">
          We will contact you at <strong>{order.email}</strong> about your order. With an{" "}
          <Link href="/account" className="font-semibold text-brand underline">account</Link> you can follow it online.
        </p>
      </div>
      <OrderServiceOrders serviceOrders={serviceOrders} className="mb-8" />
      <OrderDetails order={order} invoice={invoice} />
    </div>
  )
}
