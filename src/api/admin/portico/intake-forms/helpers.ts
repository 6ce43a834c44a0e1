import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "../../../../modules/catalog"
import type CatalogModuleService from "../../../../modules/catalog/service"
import { PorticoError, PorticoErrorCode } from "../../../../utils/errors"
import { intakeFormDetailFields } from "./query-config"

type FormRow = {
  id: string
  title: string
  description: string | null
  version: number
  created_at: Date | string
  updated_at: Date | string
  versions?: ({ id: string; version: number; fields: unknown; created_at: Date | string } | null)[] | null
}

/** An intake form as the admin edits it: current fields, versions (newest first), and the services using it. */
export async function adminIntakeForm(container: MedusaContainer, id: string) {
  const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: forms }, settings] = await Promise.all([
    query.graph({ entity: "intake_form", fields: intakeFormDetailFields, filters: { id } }),
    catalog.listServiceSettings({ intake_form_id: id }, { select: ["product_id"] }),
  ])
  const form = forms[0] as FormRow | undefined
  if (!form) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Intake form ${id} was not found.`)
  }
  const { data: products } = settings.length
    ? await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: settings.map((s) => s.product_id) } })
    : { data: [] as { id: string; title: string }[] }
  const versions = (form.versions ?? []).filter((v) => !!v).sort((a, b) => b.version - a.version)
  const current = versions.find((v) => v.version === form.version)
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    version: form.version,
    created_at: form.created_at,
    updated_at: form.updated_at,
    fields: current?.fields ?? [],
    versions: versions.map((v) => ({ id: v.id, version: v.version, created_at: v.created_at })),
    services: products.map((p) => ({ product_id: p.id, title: p.title })),
  }
}
