import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ServiceOrderEvents, type ServiceOrderStatusType } from "../../../modules/service-order/constants"
import { refundOrderToCreditWorkflow } from "../../credit/workflows/refund-order-to-credit"
import { transitionServiceOrderStep } from "../steps/transition-service-order"

export const changeServiceOrderStatusWorkflowId = "portico-change-service-order-status"

/** A merchant's status change of a service order. */
export type ChangeServiceOrderStatusInput = {
  id: string
  status: ServiceOrderStatusType
  note?: string | null
  /** With `canceled`: refund this much of the order to the client's account credit. */
  refund_amount?: number | null
  actor_id: string
}

/**
 * Moves a service order to another status on a merchant's behalf, with a
 * history row (who, when, from, to, note) and `portico.service_order.status_changed`.
 * Canceling can refund part of the order to the client's account credit
 * (through `refundOrderToCreditWorkflow`, bounded by what the order paid);
 * the refund is recorded on the service order and carried by
 * `portico.service_order.canceled`. A refused refund leaves the status as it was.
 *
 * @example
 * await changeServiceOrderStatusWorkflow(container).run({
 *   input: { id, status: "canceled", note: "Client changed plans", refund_amount: 40, actor_id },
 * })
 */
export const changeServiceOrderStatusWorkflow = createWorkflow(
  changeServiceOrderStatusWorkflowId,
  (input: ChangeServiceOrderStatusInput) => {
    const refund = transform({ input }, ({ input }) =>
      input.status === "canceled" && input.refund_amount ? { amount: input.refund_amount, method: "credit" as const } : null
    )
    const done = transitionServiceOrderStep(
      transform({ input, refund }, ({ input, refund }) => ({
        id: input.id,
        to: input.status,
        actor_type: "user" as const,
        actor_id: input.actor_id,
        note: input.note ?? null,
        refund,
      }))
    )
    when("refund-to-credit", { refund }, ({ refund }) => !!refund).then(() => {
      refundOrderToCreditWorkflow.runAsStep({
        input: transform({ input, done }, ({ input, done }) => ({
          order_id: done.order_id,
          amount: input.refund_amount as number,
          note: input.note || "Service order canceled",
          actor_id: input.actor_id,
        })),
      })
    })
    const changed = transform({ done, input }, ({ done, input }) => ({
      id: done.id,
      history_id: done.history_id,
      from: done.from,
      to: done.to,
      actor_type: "user",
      actor_id: input.actor_id,
      note: input.note ?? null,
    }))
    emitEventStep({ eventName: ServiceOrderEvents.STATUS_CHANGED, data: changed }).config({ name: "emit-status-changed" })
    when("canceled", { done }, ({ done }) => done.to === "canceled").then(() => {
      emitEventStep({
        eventName: ServiceOrderEvents.CANCELED,
        data: transform({ done, refund, input }, ({ done, refund }) => ({
          id: done.id,
          order_id: done.order_id,
          refund: refund ? { ...refund, currency_code: done.currency_code } : null,
        })),
      }).config({ name: "emit-canceled" })
    })
    return new WorkflowResponse(done)
  }
)
