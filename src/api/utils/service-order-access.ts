import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../modules/service-order"
import type ServiceOrderModuleService from "../../modules/service-order/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

/**
 * Who may see a store resource of an order: the registered customer who placed
 * it, and nobody else; an order placed as a guest is reached by its id, as
 * with Medusa's own `GET /store/orders/:id`.
 */
export async function mayAccess(req: AuthenticatedMedusaRequest, customerId: string | null | undefined) {
  if (!customerId) {
    return true
  }
  if (req.auth_context?.actor_id === customerId) {
    return true
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: customerId } })
  return !customer?.has_account
}

/**
 * The service order `id` if the caller may see it (see {@link mayAccess}),
 * else a 404 `not_found` (also for one that does not exist).
 */
export async function accessibleServiceOrder(req: AuthenticatedMedusaRequest, id: string) {
  const service = req.scope.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const [so] = await service.listServiceOrders({ id }, { select: ["id", "customer_id", "order_id"] })
  if (!so || !(await mayAccess(req, so.customer_id))) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${id} was not found.`)
  }
  return so
}
