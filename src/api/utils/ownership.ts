import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

type Owned = { id: string; customer_id?: string | null; customer?: { has_account?: boolean | null } | null }

/**
 * Whether the caller may reach a cart or order: one whose customer has an
 * account is its customer's only; a guest's (no customer, or a customer
 * without an account) is reached by its id, as Medusa serves it.
 */
export function ownedByCaller(req: AuthenticatedMedusaRequest, record: Owned): boolean {
  if (!record.customer_id || !record.customer?.has_account) {
    return true
  }
  return req.auth_context?.actor_type === "customer" && req.auth_context.actor_id === record.customer_id
}

const notFound = (entity: "cart" | "order", id: string) =>
  new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `${entity === "cart" ? "Cart" : "Order"} with id: ${id} was not found`)

async function check(req: AuthenticatedMedusaRequest, entity: "cart" | "order", id: string | undefined) {
  if (!id || typeof id !== "string") {
    return null
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [record],
  } = await query.graph({ entity, fields: ["id", "customer_id", "customer.has_account"], filters: { id } })
  // An unknown id goes on to the route, which answers its own 404.
  return record && !ownedByCaller(req, record as Owned) ? notFound(entity, id) : null
}

/**
 * Authorization middleware for Medusa's own cart routes (`/store/carts/:id`
 * and everything under it: line items, promotions, customer transfer,
 * completion) and for payment collections of a cart: a registered client's
 * cart answers 404 to anyone else, exactly as an unknown cart does, before
 * the core route reads or changes anything. `from` says where the cart id
 * is: the `:id` path parameter, the body's `cart_id`
 * (`POST /store/payment-collections`) or the payment collection's cart
 * (`/store/payment-collections/:id/…`).
 */
export function callerOwnsCart(from: "param" | "body" | "payment_collection" = "param") {
  return async (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      let cartId: string | undefined
      if (from === "param") {
        cartId = req.params.id
      } else if (from === "body") {
        cartId = (req.body as { cart_id?: string } | undefined)?.cart_id
      } else {
        const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [link],
        } = await query.graph({ entity: "cart_payment_collection", fields: ["cart_id"], filters: { payment_collection_id: req.params.id } })
        cartId = (link as { cart_id?: string } | undefined)?.cart_id
      }
      next((await check(req, "cart", cartId)) ?? undefined)
    } catch (e) {
      next(e)
    }
  }
}

/**
 * Authorization middleware for Medusa's own `GET /store/orders/:id` (and the
 * routes under it): a registered client's order answers 404 to anyone else.
 * A guest's order stays reachable by its id, as in Medusa (see the README).
 */
export async function callerOwnsOrder(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    next((await check(req, "order", req.params.id)) ?? undefined)
  } catch (e) {
    next(e)
  }
}
