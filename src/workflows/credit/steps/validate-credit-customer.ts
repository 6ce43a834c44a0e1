import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const validateCreditCustomerStepId = "portico-validate-credit-customer"

/**
 * Checks that credit can be held for a customer in a currency: the customer
 * exists (404 `not_found`), has an account (a guest cannot sign in to spend
 * credit: 400 `guest_customer`) and the store sells in the currency (400
 * `unsupported_currency`).
 */
export const validateCreditCustomerStep = createStep(
  validateCreditCustomerStepId,
  async (input: { customer_id: string; currency_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: customers }, { data: stores }] = await Promise.all([
      query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: input.customer_id } }),
      query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] }),
    ])
    const customer = customers[0]
    if (!customer) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Customer ${input.customer_id} was not found`
      )
    }
    if (!customer.has_account) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.GUEST_CUSTOMER,
        "Account credit is for customers with an account; this customer checked out as a guest",
        { field: "customer_id" }
      )
    }
    const currencies = new Set(
      stores.flatMap((s) => ((s.supported_currencies ?? []) as ({ currency_code?: string } | null)[]).map((c) => c?.currency_code?.toLowerCase()))
    )
    if (!currencies.has(input.currency_code.toLowerCase())) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.UNSUPPORTED_CURRENCY,
        `The store does not sell in ${input.currency_code.toUpperCase()}`,
        { field: "currency_code" }
      )
    }
    return new StepResponse({ customer_id: customer.id, currency_code: input.currency_code.toLowerCase() })
  }
)
