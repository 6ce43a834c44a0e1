import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCreditAccounts } from "../../../../../../../workflows/credit/ledger"
import { adjustCustomerCreditWorkflow } from "../../../../../../../workflows/credit/workflows/adjust-customer-credit"
import { withFieldErrors } from "../../../../../../utils/domain-errors"
import type { CreditAdjustmentBodyType } from "../../../validators"
import { customerOr404 } from "../../../helpers"

/**
 * `POST /admin/portico/customers/:id/credit/adjustments`
 * `{ type: "grant" | "deduct", currency_code, amount, note }`: grants or
 * deducts credit with a note. 400 `invalid_request` for a bad body,
 * `unsupported_currency`, `guest_customer`; 400 `insufficient_credit` for a
 * deduction larger than the balance; 404 for an unknown customer. Nothing is
 * written on any error. Returns `{ transaction, accounts }`.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<CreditAdjustmentBodyType>, res: MedusaResponse) => {
    const customer = await customerOr404(req)
    const { result } = await adjustCustomerCreditWorkflow(req.scope).run({
      input: { ...req.validatedBody, customer_id: customer.id, actor_id: req.auth_context.actor_id },
    })
    res.json({ transaction: result, accounts: await listCreditAccounts(req.scope, customer.id) })
  }
)
