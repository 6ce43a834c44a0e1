import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "../../../../modules/catalog"
import type CatalogModuleService from "../../../../modules/catalog/service"
import { PORTICO_INTAKE_MODULE } from "../../../../modules/intake"
import type IntakeModuleService from "../../../../modules/intake/service"
import { PorticoError, PorticoErrorCode } from "../../../../utils/errors"

/** An intake form as the admin edits it: current fields, versions, and the services using it. */
export async function adminIntakeForm(container: MedusaContainer, id: string) {
  const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
  const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [form] = await intake.listIntakeForms({ id }, { select: ["id", "title", "description", "version", "created_at", "updated_at"] })
  if (!form) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Intake form ${id} was not found.`)
  }
  const [versions, settings] = await Promise.all([
    intake.listIntakeFormVersions({ form_id: id }, { select: ["id", "version", "fields", "created_at"], order: { version: "DESC" } }),
    catalog.listServiceSettings({ intake_form_id: id }, { select: ["product_id"] }),
  ])
  const { data: products } = settings.length
    ? await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: settings.map((s) => s.product_id) } })
    : { data: [] as { id: string; title: string }[] }
  const current = versions.find((v) => v.version === form.version)
  return {
    ...form,
    fields: current?.fields ?? [],
    versions: versions.map((v) => ({ id: v.id, version: v.version, created_at: v.created_at })),
    services: products.map((p) => ({ product_id: p.id, title: p.title })),
  }
}
