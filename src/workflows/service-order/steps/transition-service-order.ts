import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import type { ServiceOrderTransitionInput } from "../../../modules/service-order/service"

export const transitionServiceOrderStepId = "portico-transition-service-order-step"

/**
 * Moves a service order to another status with a history row (who, note).
 * Refuses moves that make no sense (`invalid_transition`) and, with
 * `expect_from`, any service order not in that status (`intake_not_pending`).
 * Compensation puts the status, its dates and the history back.
 */
export const transitionServiceOrderStep = createStep(
  transitionServiceOrderStepId,
  async (input: ServiceOrderTransitionInput, { container }) => {
    const service = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    const done = await service.transitionServiceOrder(input)
    return new StepResponse(done, done)
  },
  async (done, { container }) => {
    if (!done) {
      return
    }
    const service = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    await service.revertServiceOrderTransition(done)
  }
)
