import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Row = Record<string, unknown>

/**
 * The orders among `orderIds` that no longer entitle their buyer to files and
 * keys: canceled, or refunded in full (refunds reaching what was captured).
 * A partial refund leaves the purchase standing.
 */
export async function revokedOrders(scope: MedusaContainer, orderIds: string[]): Promise<Set<string>> {
  if (!orderIds.length) {
    return new Set()
  }
  const { data: orders } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "status", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: orderIds },
  })
  const revoked = new Set<string>()
  for (const o of orders as unknown as Row[]) {
    type Payment = { captures?: { amount: unknown }[] | null; refunds?: { amount: unknown }[] | null }
    const payments = ((o.payment_collections ?? []) as { payments?: Payment[] | null }[]).flatMap((c) => c?.payments ?? [])
    const captured = payments.flatMap((p) => p.captures ?? []).reduce((s, c) => s + Number(c.amount), 0)
    const refunded = payments.flatMap((p) => p.refunds ?? []).reduce((s, r) => s + Number(r.amount), 0)
    if (o.status === "canceled" || (captured > 0 && refunded >= captured)) {
      revoked.add(o.id as string)
    }
  }
  return revoked
}


/** The order a payment belongs to (through its payment collection), or null. */
export async function orderOfPayment(scope: MedusaContainer, paymentId: string): Promise<string | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: paymentId } })
  const collection = (payment as Row | undefined)?.payment_collection as { order?: { id?: string } | null } | null | undefined
  return collection?.order?.id ?? null
}
