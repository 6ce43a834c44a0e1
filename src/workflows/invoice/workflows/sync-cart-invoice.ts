import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { InvoiceEvents } from "../../../modules/invoice/constants"
import { cartInvoiceSnapshot, invoiceCartFields } from "../cart-snapshot"
import { mirrorCartInvoiceStep } from "../steps/mirror-cart-invoice"

export const syncCartInvoiceWorkflowId = "portico-sync-cart-invoice"

/**
 * Brings a cart's invoice up to date with the cart: created in `abandoned`
 * when the cart first has an item (emitting `portico.invoice.created`), then
 * lines, quantities, unit prices, discounts, taxes, credit and total mirrored
 * on every run. A cart without items and without an invoice gets none; an
 * invoice past `abandoned` is never changed by a cart. Portico runs it on
 * `cart.*` events and before serving a cart's invoice.
 *
 * @example
 * await syncCartInvoiceWorkflow(container).run({ input: { cart_id } })
 */
export const syncCartInvoiceWorkflow = createWorkflow(
  syncCartInvoiceWorkflowId,
  (input: { cart_id: string }) => {
    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: invoiceCartFields,
      filters: { id: input.cart_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-cart" })

    const snapshot = transform({ carts }, ({ carts }) => cartInvoiceSnapshot(carts[0]))
    const result = mirrorCartInvoiceStep(snapshot)
    when("invoice-created", { result }, ({ result }) => result.created).then(() => {
      emitEventStep({
        eventName: InvoiceEvents.CREATED,
        data: transform({ result, input }, ({ result, input }) => ({
          id: result.id,
          cart_id: input.cart_id,
        })),
      })
    })
    return new WorkflowResponse(result)
  }
)
