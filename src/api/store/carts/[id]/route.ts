import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { UpdateCartWorkflowInputDTO } from "@medusajs/framework/types"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { updateCartForCallerWorkflow } from "../../../../workflows/checkout/workflows/store-cart"

/**
 * `POST /store/carts/:id`: **replaces Medusa's route** at this path (`GET`
 * stays Medusa's), same body (Medusa's validator runs first) and same answer
 * (`{ cart }`), through {@link updateCartForCallerWorkflow}: the first email
 * given to a cart without a login, when it belongs to a registered customer,
 * keeps the cart a guest cart instead of handing it to the account (whose
 * cart the browser could then no longer reach).
 */
export async function POST(req: AuthenticatedMedusaRequest<Omit<UpdateCartWorkflowInputDTO, "id">>, res: MedusaResponse) {
  const body = req.validatedBody as Omit<UpdateCartWorkflowInputDTO, "id"> & { additional_data?: Record<string, unknown> }
  await updateCartForCallerWorkflow(req.scope).run({
    input: { ...body, id: req.params.id, additional_data: body.additional_data, caller_customer_id: req.auth_context?.actor_id || null },
  })
  const cart = await refetchCart(req.params.id, req.scope, req.queryConfig.fields)
  res.status(200).json({ cart })
}
