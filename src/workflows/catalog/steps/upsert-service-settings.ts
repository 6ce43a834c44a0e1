import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"
import type { BillingInterval, BillingType, LicenseExpiryMode, StartStatus } from "../../../contracts/statuses"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

/** Portico settings of one service; omitted fields keep their value (or default). */
export type ServiceSettingsInput = {
  product_id: string
  folder_id?: string | null
  position?: number
  billing_type?: BillingType
  interval?: BillingInterval | null
  interval_count?: number
  billing_cycles?: number | null
  /** Recurring only: each paid renewal opens a service order for its period. */
  renewal_service_orders?: boolean
  start_status?: StartStatus
  intake_form_id?: string | null
  files_enabled?: boolean
  license_keys_enabled?: boolean
  license_activation_limit?: number | null
  license_expiry?: LicenseExpiryMode
  license_expiry_interval?: BillingInterval | null
  license_expiry_count?: number | null
  /** What the service includes, one item per line. */
  included?: string | null
  /** How long delivery takes ("5 business days"). */
  turnaround?: string | null
  /** What happens after the purchase. */
  next_steps?: string | null
  metadata?: Record<string, unknown> | null
}

type SettingsRow = ServiceSettingsInput & { id: string; folder_id: string | null }

export const upsertServiceSettingsStepId = "portico-upsert-service-settings-step"

const SETTINGS_FIELDS = [
  "id",
  "product_id",
  "folder_id",
  "position",
  "billing_type",
  "interval",
  "interval_count",
  "billing_cycles",
  "renewal_service_orders",
  "start_status",
  "intake_form_id",
  "files_enabled",
  "license_keys_enabled",
  "license_activation_limit",
  "license_expiry",
  "license_expiry_interval",
  "license_expiry_count",
  "included",
  "turnaround",
  "next_steps",
  "metadata",
] as const

/**
 * Creates or updates the Portico settings of services. Refuses unknown
 * products, folders or intake forms (404, `not_found`) and inconsistent billing
 * (`invalid_billing`: recurring needs an interval; `not_applicable`: an
 * interval, interval count or billing cycles given for a one-time service). A
 * service put in a folder without a `position` goes after the folder's other
 * services. Compensation restores the previous rows (or deletes new ones).
 */
export const upsertServiceSettingsStep = createStep(
  upsertServiceSettingsStepId,
  async (input: ServiceSettingsInput[], { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const productIds = [...new Set(input.map((i) => i.product_id))]
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id"],
      filters: { id: productIds },
    })
    const missing = productIds.filter((id) => !products.some((p) => p.id === id))
    if (missing.length) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Service ${missing.join(", ")} was not found.`,
        { field: "product_id" }
      )
    }
    const folderIds = [...new Set(input.map((i) => i.folder_id).filter((f): f is string => !!f))]
    if (folderIds.length) {
      const folders = await catalog.listServiceFolders({ id: folderIds }, { select: ["id"] })
      const unknown = folderIds.filter((id) => !folders.some((f) => f.id === id))
      if (unknown.length) {
        throw new PorticoError(
          MedusaError.Types.NOT_FOUND,
          PorticoErrorCode.NOT_FOUND,
          `Folder ${unknown.join(", ")} was not found.`,
          { field: "folder_id" }
        )
      }
    }
    const formIds = [...new Set(input.map((i) => i.intake_form_id).filter((f): f is string => !!f))]
    if (formIds.length) {
      const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
      const forms = await intake.listIntakeForms({ id: formIds }, { select: ["id"] })
      const unknown = formIds.filter((id) => !forms.some((f) => f.id === id))
      if (unknown.length) {
        throw new PorticoError(
          MedusaError.Types.NOT_FOUND,
          PorticoErrorCode.NOT_FOUND,
          `Intake form ${unknown.join(", ")} was not found.`,
          { field: "intake_form_id" }
        )
      }
    }

    const existing = (await catalog.listServiceSettings(
      { product_id: productIds },
      { select: [...SETTINGS_FIELDS] }
    )) as unknown as SettingsRow[]
    const byProduct = new Map(existing.map((s) => [s.product_id, s]))
    const nextPosition = new Map<string, number>()

    const toCreate: ServiceSettingsInput[] = []
    const toUpdate: (ServiceSettingsInput & { id: string })[] = []
    for (const item of input) {
      const before = byProduct.get(item.product_id)
      const merged = { billing_type: "one_time", interval: null, billing_cycles: null, ...before, ...item }
      if (merged.billing_type === "recurring" && !merged.interval) {
        throw new PorticoError(
          MedusaError.Types.INVALID_DATA,
          PorticoErrorCode.INVALID_BILLING,
          "A recurring service needs a billing interval (day, week, month or year).",
          { field: "interval" }
        )
      }
      if (merged.billing_type === "one_time") {
        const given = (["interval", "interval_count", "billing_cycles", "renewal_service_orders"] as const).find(
          (field) => item[field] !== undefined && item[field] !== null && item[field] !== false
        )
        if (given) {
          throw new PorticoError(
            MedusaError.Types.INVALID_DATA,
            PorticoErrorCode.NOT_APPLICABLE,
            `A one-time service has no ${given.replace("_", " ")}: leave it out, or make the service recurring.`,
            { field: given }
          )
        }
      }
      const expiry = { license_expiry: "never", license_expiry_interval: null, license_expiry_count: null, ...before, ...item }
      if (expiry.license_expiry === "length") {
        const absent = (["license_expiry_interval", "license_expiry_count"] as const).find((field) => !expiry[field])
        if (absent) {
          throw new PorticoError(
            MedusaError.Types.INVALID_DATA,
            PorticoErrorCode.INVALID_BILLING,
            "License keys that expire after a length need its interval and count.",
            { field: absent }
          )
        }
      } else if (expiry.license_expiry === "subscription" && merged.billing_type !== "recurring") {
        throw new PorticoError(
          MedusaError.Types.INVALID_DATA,
          PorticoErrorCode.NOT_APPLICABLE,
          "Only a recurring service's license keys can expire with its subscription.",
          { field: "license_expiry" }
        )
      }
      const patch: ServiceSettingsInput = { ...item }
      if (expiry.license_expiry !== "length" && item.license_expiry !== undefined) {
        patch.license_expiry_interval = null
        patch.license_expiry_count = null
      }
      if (merged.billing_type === "one_time") {
        patch.interval = null
        patch.interval_count = 1
        patch.billing_cycles = null
        patch.renewal_service_orders = false
      }
      const movingTo = item.folder_id
      if (movingTo && movingTo !== before?.folder_id && item.position === undefined) {
        if (!nextPosition.has(movingTo)) {
          const [last] = await catalog.listServiceSettings(
            { folder_id: movingTo },
            { select: ["position"], order: { position: "DESC" }, take: 1 }
          )
          nextPosition.set(movingTo, last ? last.position + 1 : 0)
        }
        patch.position = nextPosition.get(movingTo)!
        nextPosition.set(movingTo, patch.position + 1)
      }
      if (before) {
        toUpdate.push({ ...patch, id: before.id })
      } else {
        toCreate.push(patch)
      }
    }

    const created = toCreate.length ? await catalog.createServiceSettings(toCreate) : []
    const updated = toUpdate.length ? await catalog.updateServiceSettings(toUpdate) : []
    const previous = existing.map((row) =>
      Object.fromEntries(SETTINGS_FIELDS.map((k) => [k, row[k as keyof SettingsRow]]))
    ) as unknown as SettingsRow[]
    return new StepResponse([...created, ...updated], {
      created: created.map((s) => s.id),
      previous,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    if (undo.created.length) {
      await catalog.deleteServiceSettings(undo.created)
    }
    if (undo.previous.length) {
      await catalog.updateServiceSettings(undo.previous)
    }
  }
)
