import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type StatusChangedEvent, sendStatusChangedEmail } from "../workflows/notification/service-order-emails"

/**
 * Emails the client when one of their service orders changes status
 * (template `service_order_status_changed`), once per history row (key
 * `portico:status_changed:<history_id>`), so a redelivered event sends
 * nothing more. The creation (`from` null) sends nothing.
 */
export default async function serviceOrderStatusEmailHandler({ event, container }: SubscriberArgs<StatusChangedEvent>) {
  try {
    await sendStatusChangedEmail(container, event.data)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not email the status change of service order ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "portico.service_order.status_changed",
  context: { subscriberId: "portico-service-order-status-email" },
}
