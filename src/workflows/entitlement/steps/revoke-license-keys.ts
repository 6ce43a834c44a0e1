import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"

export const revokeLicenseKeysStepId = "portico-revoke-license-keys-step"

/** Whose keys to disable: a whole order's, or single units' (by service order), and why. */
export type RevokeLicenseKeysInput = { order_id?: string; service_order_ids?: string[]; reason: "refunded" | "canceled" }

/**
 * Disables the license keys of a refunded or canceled purchase (a whole
 * order, or the units of canceled service orders) with the reason. Keys
 * already disabled are left alone, so a repeated event changes nothing.
 * Compensation enables the keys this run disabled.
 */
export const revokeLicenseKeysStep = createStep(
  revokeLicenseKeysStepId,
  async (input: RevokeLicenseKeysInput, { container }) => {
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    const filters = [
      ...(input.order_id ? [{ order_id: input.order_id }] : []),
      ...(input.service_order_ids?.length ? [{ service_order_id: input.service_order_ids }] : []),
    ]
    const keys = filters.length ? await service.listLicenseKeys({ $or: filters }, { select: ["id"] }) : []
    const disabled = await service.disableLicenseKeys(
      keys.map((k) => k.id),
      input.reason
    )
    return new StepResponse(
      disabled.map((id) => ({ id, reason: input.reason })),
      disabled
    )
  },
  async (disabled, { container }) => {
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    for (const id of disabled ?? []) {
      await service.enableLicenseKey(id, clock.now())
    }
  }
)
