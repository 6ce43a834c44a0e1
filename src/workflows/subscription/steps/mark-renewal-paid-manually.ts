import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const markRenewalPaidManuallyStepId = "portico-mark-renewal-paid-manually-step"

/**
 * The merchant received a renewal's payment outside Portico (a bank
 * transfer): what credit left is recorded as paid on the renewal's payment
 * collection (Medusa's `markPaymentCollectionAsPaid`, the system provider),
 * once: a collection already paid is left alone, so a rerun after a crash
 * goes on to place the order. A renewal that is not waiting for a payment is
 * 400 `invoice_not_open`. Returns what `placeRenewalOrderStep` needs.
 */
export const markRenewalPaidManuallyStep = createStep(
  markRenewalPaidManuallyStepId,
  async (input: { renewal_id: string; actor_id?: string | null }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const renewal = await subscriptions.getRenewal(input.renewal_id)
    if (!renewal || !["pending", "retrying", "requires_action"].includes(renewal.status)) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.INVOICE_NOT_OPEN,
        `The renewal is ${renewal?.status ?? "missing"}: only an unpaid renewal's invoice can be marked paid.`
      )
    }
    const rest = MathBN.sub(renewal.amount, renewal.credit_amount ?? 0).toNumber()
    if (rest <= 0) {
      return new StepResponse({ renewal_id: renewal.id, paid: true, payment_collection_id: renewal.payment_collection_id })
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    let collectionId = renewal.payment_collection_id
    if (!collectionId) {
      const [collection] = await payments.createPaymentCollections([{ currency_code: renewal.currency_code, amount: rest }])
      collectionId = collection.id
      await subscriptions.recordRenewal(renewal.id, { payment_collection_id: collectionId })
    }
    const [collection] = await payments.listPaymentCollections({ id: collectionId }, { select: ["id", "status"] })
    if (collection?.status === "not_paid") {
      // Earlier sessions (a declined card, a 3-D Secure never finished) give way to the merchant's record.
      await markPaymentCollectionAsPaid(container).run({
        input: { payment_collection_id: collectionId, order_id: "", captured_by: input.actor_id ?? undefined } as never,
      })
    }
    return new StepResponse({ renewal_id: renewal.id, paid: true, payment_collection_id: collectionId })
  }
)
