/**
 * An order's payments across its payment collections, as `query.graph`
 * returns them (`payment_collections.payments.*`), without the empty slots.
 * `P` is the shape of the payment fields the caller asked for.
 */
export function paymentsOf<P extends object>(order: { payment_collections?: unknown } | null | undefined): P[] {
  const collections = (order?.payment_collections ?? []) as ({ payments?: (P | null)[] | null } | null)[]
  return collections.flatMap((pc) => pc?.payments ?? []).filter((p): p is P => !!p)
}
