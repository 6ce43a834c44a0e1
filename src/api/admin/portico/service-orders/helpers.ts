import type { MedusaContainer } from "@medusajs/framework/types"
import { adminServiceOrderView, historyOf, intakeView, retrieveServiceOrderRow } from "../../../shared/service-orders"
import { adminServiceOrderDetailFields } from "./query-config"

/**
 * One service order as the merchant sees it: the list's fields, the history
 * (who, when, from, to, note) and the intake (form version and answers), or
 * `null` when it does not exist.
 */
export async function adminServiceOrderDetail(scope: MedusaContainer, id: string) {
  const so = await retrieveServiceOrderRow(scope, id, adminServiceOrderDetailFields)
  if (!so) {
    return null
  }
  return {
    ...adminServiceOrderView(so),
    history: historyOf(so).map((h) => ({
      id: h.id,
      from_status: h.from_status,
      to_status: h.to_status,
      actor_type: h.actor_type,
      actor_id: h.actor_id,
      note: h.note,
      created_at: h.created_at,
    })),
    intake: await intakeView(scope, so),
  }
}
