import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireLicenseKeysWorkflow } from "../workflows/entitlement/workflows/expire-license-keys"

/**
 * Every 10 minutes: writes `expired` on license keys past their expiry and
 * emits `portico.license_key.expired` (the license API already refuses them
 * from the moment they expire; this makes the status and the event follow).
 */
export default async function licenseKeyExpiryJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await expireLicenseKeysWorkflow(container).run({ input: {} })
    if (result.length) {
      logger.info(`Portico expired ${result.length} license key(s)`)
    }
  } catch (e) {
    logger.error(`Portico license key expiry: ${(e as Error).message}`)
  }
}

export const config = {
  name: "portico-license-key-expiry",
  schedule: "*/10 * * * *",
}
