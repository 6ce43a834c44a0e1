import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listEntitlements } from "@lib/data/entitlements"
import { retrieveOrderInvoice } from "@lib/data/invoices"
import { retrieveOrder } from "@lib/data/orders"
import { retrievePaymentInstructions } from "@lib/data/payment-instructions"
import { listOrderServiceOrders } from "@lib/data/service-orders"
import OrderEntitlements from "@modules/entitlements/components/order-entitlements"
import InvoiceSummary from "@modules/order/components/invoice-summary"
import PaymentInstructions from "@modules/order/components/payment-instructions"
import OrderDetails from "@modules/order/templates/order-details"
import OrderServiceOrders from "@modules/service-orders/components/order-service-orders"

export const metadata: Metadata = { title: "Order", robots: { index: false } }

/** One of the client's purchases: its invoice, how to pay it while unpaid, its service orders, files and license keys, lines and totals. */
export default async function PortalOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const customer = await requireCustomer(`/portal/orders/${encodeURIComponent(id)}`)
  const order = await retrieveOrder(id)
  // A client only sees their own orders: anyone else's is "not found".
  if (!order || order.customer_id !== customer.id) {
    notFound()
  }
  const invoice = await retrieveOrderInvoice(order.id)
  const [serviceOrders, instructions, { entitlements }] = await Promise.all([
    listOrderServiceOrders(order.id),
    retrievePaymentInstructions(order.id),
    // The order's files and keys; the page works without them.
    listEntitlements({ orderId: order.id, limit: 100 }).catch(() => ({ entitlements: [], count: 0 })),
  ])
  // How to pay while a bank transfer is awaited (not once the invoice is voided and the order canceled).
  const awaitingPayment = instructions?.status === "awaiting_payment" && invoice?.status !== "void" && order.status !== "canceled"
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <Link href="/portal" className="text-sm text-ink-faint hover:text-ink">← Your purchases</Link>
      <div className="mb-6">
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Order #{order.display_id}</h1>
        <p className="mt-1 text-ink-soft">
          Placed {new Date(order.created_at as string).toLocaleDateString("en-US", { dateStyle: "long" })}
        </p>
        <InvoiceSummary invoice={invoice} className="mt-2" linked />
      </div>
      <PaymentInstructions instructions={awaitingPayment ? instructions : null} className="mb-8" />
      <OrderServiceOrders serviceOrders={serviceOrders} className="mb-8" />
      <OrderEntitlements entitlements={entitlements} className="mb-8" />
      <OrderDetails order={order} invoice={invoice} />
    </div>
  )
}
