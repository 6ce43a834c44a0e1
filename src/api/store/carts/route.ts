import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CreateCartWorkflowInputDTO } from "@medusajs/framework/types"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { createCartForCallerWorkflow } from "../../../workflows/checkout/workflows/store-cart"

/**
 * `POST /store/carts`: **replaces Medusa's route** at this path, same body
 * (Medusa's validator runs first) and same answer (`{ cart }`), through
 * {@link createCartForCallerWorkflow}: a cart created without a login and
 * with the email of a registered customer gets that email's guest customer
 * (so its browser keeps reaching it) instead of the account.
 */
export async function POST(req: AuthenticatedMedusaRequest<CreateCartWorkflowInputDTO>, res: MedusaResponse) {
  const { result } = await createCartForCallerWorkflow(req.scope).run({
    input: { ...(req.validatedBody as CreateCartWorkflowInputDTO), caller_customer_id: req.auth_context?.actor_id || null },
  })
  const cart = await refetchCart(result.id, req.scope, req.queryConfig.fields)
  res.status(200).json({ cart })
}
