import { createHmac } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../modules/service-order"
import type ServiceOrderModuleService from "../../modules/service-order/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { ORDER_TOKEN_HEADER } from "../../contracts/http"

export { ORDER_TOKEN_HEADER }

/** How long an order access token works (seconds): the confirmation page right after checkout. */
export const ORDER_TOKEN_TTL_SECONDS = 60 * 60

const AUDIENCE = "portico:order-access"

/**
 * The key Portico's tokens for `audience` are signed with: derived from the
 * app's `jwtSecret` but not equal to it, so such a token can never pass as a
 * login token, nor as a token of another audience.
 */
export function signingKey(config: ConfigModule, audience: string = AUDIENCE): string {
  const secret = config.projectConfig.http.jwtSecret
  if (!secret) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "projectConfig.http.jwtSecret is not set")
  }
  return createHmac("sha256", String(secret)).update(audience).digest("hex")
}

/**
 * A signed token that lets the browser which placed an order read it without
 * logging in, for {@link ORDER_TOKEN_TTL_SECONDS}: the completion answer
 * carries it (`order_access_token`), the storefront sends it back in the
 * {@link ORDER_TOKEN_HEADER} header. After that, the client logs in.
 */
export function orderAccessToken(config: ConfigModule, orderId: string): string {
  return jwt.sign({ order_id: orderId }, signingKey(config), {
    audience: AUDIENCE,
    expiresIn: ORDER_TOKEN_TTL_SECONDS,
  })
}

/** Whether the request carries a valid, unexpired order token for `orderId`. */
export function hasOrderToken(req: MedusaRequest, orderId: string): boolean {
  const token = req.headers[ORDER_TOKEN_HEADER]
  if (typeof token !== "string" || !token || token.length > 1000) {
    return false
  }
  try {
    const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const payload = jwt.verify(token, signingKey(config), { audience: AUDIENCE, algorithms: ["HS256"] })
    return typeof payload === "object" && payload.order_id === orderId
  } catch {
    return false
  }
}

/**
 * Who may read an order's Portico resources (invoice, payment instructions,
 * service orders, intake answers and files): the logged-in customer the
 * order belongs to, or the browser that placed it, with its order token.
 * Nobody else, guest orders included: an order id alone opens nothing.
 */
export function mayAccessOrder(req: AuthenticatedMedusaRequest, order: { id: string; customer_id?: string | null }): boolean {
  const actor = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  if (actor && order.customer_id && actor === order.customer_id) {
    return true
  }
  return hasOrderToken(req, order.id)
}

/** The 404 of an order the caller may not read (also for one that does not exist). */
export const orderNotFound = (id: string) =>
  new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${id} was not found.`)

/**
 * The service order `id` if the caller may read it (its customer, or the
 * order's token: see {@link mayAccessOrder}), else a 404 `not_found` (also
 * for one that does not exist).
 */
export async function accessibleServiceOrder(req: AuthenticatedMedusaRequest, id: string) {
  const service = req.scope.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const [so] = await service.listServiceOrders({ id }, { select: ["id", "customer_id", "order_id"] })
  if (!so || !mayAccessOrder(req, { id: so.order_id, customer_id: so.customer_id })) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${id} was not found.`)
  }
  return so
}
