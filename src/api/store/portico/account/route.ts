import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { openPortalAccountWorkflow } from "../../../../workflows/portal/workflows/open-portal-account"

/** Fields of the customer `POST /store/portico/account` answers with. */
export const portalCustomerFields = ["id", "email", "first_name", "last_name", "phone", "has_account", "created_at"]

/**
 * `POST /store/portico/account`: after a magic-link login, opens the client's
 * account (`openPortalAccountWorkflow`): created on the first login without a
 * password, the email's guest customer upgraded, or the existing password
 * account linked; the email's other guest purchases claimed. Idempotent: call
 * it after every magic-link login, then refresh the token
 * (`POST /auth/token/refresh`) to get one naming the customer. Answers
 * `{ customer, claimed: { orders, invoices, service_orders } }`; 400
 * `login_link_required` for a password registration without a customer.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await openPortalAccountWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: portalCustomerFields, filters: { id: result.customer_id } })
  res.json({ customer, claimed: result.claimed })
}
