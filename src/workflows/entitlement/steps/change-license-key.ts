import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AdminLicenseKeyChangeBody } from "../../../contracts/http"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const changeLicenseKeyStepId = "portico-change-license-key-step"

/** What a merchant's change did, for events. */
export type LicenseKeyChange = { id: string; disabled: boolean; enabled: boolean; deactivated: string[] }

/**
 * The merchant's change of one key: `disable` (status `disabled`, reason
 * `merchant`), `enable` (back to what its activations and expiry say),
 * `reset_activations` (every instance freed) or `set_activation_limit`
 * (null: unlimited; instances above a lowered limit stay). 404 `not_found`
 * for an unknown key. Disabling an already disabled key or enabling an enabled
 * one changes nothing. Compensation undoes a disable or an enable.
 */
export const changeLicenseKeyStep = createStep(
  changeLicenseKeyStepId,
  async (input: { id: string; change: AdminLicenseKeyChangeBody }, { container }) => {
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    const [key] = await service.listLicenseKeys({ id: input.id }, { select: ["id", "status", "disabled_reason", "activation_limit"] })
    if (!key) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `License key ${input.id} was not found.`)
    }
    const now = clock.now()
    const change: LicenseKeyChange = { id: key.id, disabled: false, enabled: false, deactivated: [] }
    const c = input.change
    if (c.type === "disable") {
      change.disabled = (await service.disableLicenseKeys([key.id], "merchant")).length > 0
    } else if (c.type === "enable") {
      change.enabled = await service.enableLicenseKey(key.id, now)
    } else if (c.type === "reset_activations") {
      change.deactivated = (await service.resetLicenseActivations(key.id, now)) ?? []
    } else {
      await service.setLicenseActivationLimit(key.id, c.activation_limit)
    }
    return new StepResponse(change, { change, before: { reason: key.disabled_reason, limit: key.activation_limit } })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    if (undo.change.disabled) {
      await service.enableLicenseKey(undo.change.id, clock.now())
    } else if (undo.change.enabled) {
      await service.disableLicenseKeys([undo.change.id], undo.before.reason ?? "merchant")
    }
    await service.setLicenseActivationLimit(undo.change.id, undo.before.limit ?? null)
  }
)
