import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ServiceOrderEvents } from "../modules/service-order/constants"
import { orderOfPayment, revokedOrders } from "../workflows/entitlement/order-revocation"
import { revokeLicenseKeysWorkflow } from "../workflows/entitlement/workflows/revoke-license-keys"

type RevocationEvent = { id: string; order_id?: string }

/**
 * Disables the license keys of purchases that stop entitling their buyer:
 * an order canceled (`order.canceled`: every key of it, reason `canceled`),
 * an order refunded in full (`payment.refunded`: reason `refunded`; a partial
 * refund changes nothing) and a canceled service order
 * (`portico.service_order.canceled`: that unit's key, reason `canceled`).
 * Repeated events change nothing more. A problem is logged, never thrown.
 */
export default async function licenseKeyRevocationHandler({ event, container }: SubscriberArgs<RevocationEvent>) {
  try {
    if (event.name === "order.canceled") {
      await revokeLicenseKeysWorkflow(container).run({ input: { order_id: event.data.id, reason: "canceled" } })
    } else if (event.name === ServiceOrderEvents.CANCELED) {
      await revokeLicenseKeysWorkflow(container).run({ input: { service_order_ids: [event.data.id], reason: "canceled" } })
    } else {
      const orderId = await orderOfPayment(container, event.data.id)
      if (orderId && (await revokedOrders(container, [orderId])).has(orderId)) {
        await revokeLicenseKeysWorkflow(container).run({ input: { order_id: orderId, reason: "refunded" } })
      }
    }
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not disable the license keys after ${event.name} ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "payment.refunded", ServiceOrderEvents.CANCELED],
  context: { subscriberId: "portico-license-key-revocation" },
}
