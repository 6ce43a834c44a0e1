import type { MedusaContainer } from "@medusajs/framework/types"
import { historyOf, intakeView, retrieveServiceOrderRow, storeServiceOrderView } from "../../../shared/service-orders"
import { storeServiceOrderDetailFields } from "./query-config"

/**
 * One service order as its client sees it: the status changes (no notes, no
 * one named) and the intake (the form to fill while pending, the answers once
 * submitted), or `null` when it does not exist. The caller checks access.
 */
export async function storeServiceOrderDetail(scope: MedusaContainer, id: string) {
  const so = await retrieveServiceOrderRow(scope, id, storeServiceOrderDetailFields)
  if (!so) {
    return null
  }
  return {
    ...storeServiceOrderView(so),
    history: historyOf(so).map((h) => ({ from_status: h.from_status, to_status: h.to_status, created_at: h.created_at })),
    intake: await intakeView(scope, so),
  }
}
