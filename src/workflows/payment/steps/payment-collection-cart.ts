import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const paymentCollectionCartStepId = "portico-payment-collection-cart"

/** The cart a payment collection pays for (`null` for an order's collection). Reads only. */
export const paymentCollectionCartStep = createStep(
  paymentCollectionCartStepId,
  async (input: { payment_collection_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: input.payment_collection_id },
    })
    return new StepResponse({ cart_id: (data[0] as { cart_id?: string } | undefined)?.cart_id ?? null })
  }
)
