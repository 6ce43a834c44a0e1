import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ServiceOrderEvents } from "../../../modules/service-order/constants"
import { sendPaymentNotificationsStep } from "../../notification/steps/send-payment-notifications"
import { SubscriptionEvents } from "../../../modules/subscription/constants"
import { createSubscriptionsStep } from "../../subscription/steps/create-subscriptions"
import { createServiceOrdersStep } from "../steps/create-service-orders"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { issueLicenseKeysStep } from "../../entitlement/steps/issue-license-keys"

export const afterPaymentWorkflowId = "portico-after-payment"

/**
 * Portico's work once an invoice is paid (run by the `portico.invoice.paid`
 * subscriber, whatever made it paid: a captured card, a cart covered by
 * credit, a manual payment marked received): one service order per purchased
 * unit (`portico.service_order.created` for each new one), one subscription
 * per purchased unit of a recurring service (`portico.subscription.created`;
 * none for a renewal's invoice), one license key per purchased unit of a
 * service with keys enabled (`portico.license_key.issued`), then the payment
 * confirmation and the merchant's notice. Every step is idempotent, so
 * running it again (a duplicated event, a retry after a crash) changes
 * nothing that was already done. With `notify: false` the emails are left to
 * the subscriber's run (the checkout creates the service orders on the
 * client's request and leaves the emails off it).
 *
 * @example
 * await afterPaymentWorkflow(container).run({ input: { invoice_id } })
 */
export const afterPaymentWorkflow = createWorkflow(
  afterPaymentWorkflowId,
  (input: { invoice_id: string; notify?: boolean }) => {
    const result = createServiceOrdersStep(transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id })))
    const events = transform({ result }, ({ result }) => result.created)
    emitEventStep({ eventName: ServiceOrderEvents.CREATED, data: events }).config({ name: "emit-service-orders-created" })
    // After the service orders (a subscription links its unit's service order).
    const subscriptions = createSubscriptionsStep(transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id })))
    emitEventStep({
      eventName: SubscriptionEvents.CREATED,
      data: transform({ subscriptions }, ({ subscriptions }) => subscriptions.created),
    }).config({ name: "emit-subscriptions-created" })
    // After the subscriptions (a key that expires with its subscription names it).
    const keys = issueLicenseKeysStep(transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id })))
    emitEventStep({
      eventName: EntitlementEvents.LICENSE_KEY_ISSUED,
      data: transform({ keys }, ({ keys }) => keys.issued),
    }).config({ name: "emit-license-keys-issued" })
    // After the service orders exist (the confirmation links their intake forms); never fails the workflow.
    when("notify", { input }, ({ input }) => input.notify !== false).then(() => {
      sendPaymentNotificationsStep(transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id })))
    })
    return new WorkflowResponse(result)
  }
)
