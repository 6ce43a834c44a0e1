import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTICO_INTAKE_MODULE } from "../../modules/intake"
import type { IntakeField } from "../../contracts/intake"
import type IntakeModuleService from "../../modules/intake/service"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice"
import type InvoiceModuleService from "../../modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../modules/service-order"
import type ServiceOrderModuleService from "../../modules/service-order/service"

type Row = Record<string, unknown> & {
  id: string
  status: string
  intake_form_id: string | null
  invoice_id: string | null
  customer_id: string | null
}

const LIST_FIELDS = [
  "id",
  "order_id",
  "order_display_id",
  "line_item_id",
  "unit_index",
  "units",
  "invoice_id",
  "customer_id",
  "email",
  "product_id",
  "variant_id",
  "title",
  "variant_title",
  "currency_code",
  "status",
  "start_status",
  "intake_form_id",
  "submitted_at",
  "completed_at",
  "canceled_at",
  "refund_amount",
  "refund_method",
  "created_at",
  "updated_at",
] as const

/** Filters of a service-order list. */
export type ServiceOrderFilters = {
  status?: string[]
  product_id?: string
  customer_id?: string
  order_id?: string
}

/** The fields a client sees of one of their service orders. */
export function storeServiceOrder(so: Row) {
  return {
    id: so.id,
    order_id: so.order_id as string,
    order_display_id: (so.order_display_id as number | null) ?? null,
    line_item_id: so.line_item_id as string,
    unit_index: so.unit_index as number,
    units: so.units as number,
    product_id: (so.product_id as string | null) ?? null,
    title: so.title as string,
    variant_title: (so.variant_title as string | null) ?? null,
    status: so.status,
    intake_form_id: so.intake_form_id,
    intake_required: so.status === "pending" && !!so.intake_form_id,
    created_at: so.created_at,
    updated_at: so.updated_at,
  }
}

/**
 * Lists service orders (newest first unless `order` says `created_at`), in
 * the shape the admin (`admin: true`: invoice number, customer, dates) or
 * the client sees.
 */
export async function listServiceOrderViews(
  container: MedusaContainer,
  filters: ServiceOrderFilters,
  page: { limit: number; offset: number; order?: "created_at" | "-created_at" },
  opts: { admin: boolean }
) {
  const service = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const where: Record<string, unknown> = {}
  if (filters.status?.length) {
    where.status = filters.status
  }
  for (const key of ["product_id", "customer_id", "order_id"] as const) {
    if (filters[key]) {
      where[key] = filters[key]
    }
  }
  const [rows, count] = await service.listAndCountServiceOrders(where, {
    select: [...LIST_FIELDS],
    take: page.limit,
    skip: page.offset,
    order: { created_at: page.order === "created_at" ? "ASC" : "DESC", line_item_id: "ASC", unit_index: "ASC" },
  })
  const views = opts.admin
    ? await adminServiceOrders(container, rows as unknown as Row[])
    : (rows as unknown as Row[]).map(storeServiceOrder)
  return { service_orders: views, count, limit: page.limit, offset: page.offset }
}

/** The admin's fields: the client's plus invoice number, customer and dates. */
async function adminServiceOrders(container: MedusaContainer, rows: Row[]) {
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const invoiceIds = [...new Set(rows.map((r) => r.invoice_id).filter((id): id is string => !!id))]
  const customerIds = [...new Set(rows.map((r) => r.customer_id).filter((id): id is string => !!id))]
  const [invoiceRows, { data: customers }] = await Promise.all([
    invoiceIds.length ? invoices.listInvoices({ id: invoiceIds }, { select: ["id", "number"] }) : [],
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
      : { data: [] as { id: string; email: string; first_name: string | null; last_name: string | null }[] },
  ])
  const numbers = new Map(invoiceRows.map((i) => [i.id, i.number]))
  const people = new Map(customers.map((c) => [c.id, c]))
  return rows.map((so) => {
    const c = so.customer_id ? people.get(so.customer_id) : undefined
    return {
      ...storeServiceOrder(so),
      invoice_id: so.invoice_id,
      invoice_number: (so.invoice_id && numbers.get(so.invoice_id)) || null,
      variant_id: (so.variant_id as string | null) ?? null,
      start_status: so.start_status,
      customer_id: so.customer_id,
      email: (so.email as string | null) ?? null,
      customer: c ? { id: c.id, email: c.email, first_name: c.first_name ?? null, last_name: c.last_name ?? null } : null,
      currency_code: so.currency_code as string,
      submitted_at: so.submitted_at ?? null,
      completed_at: so.completed_at ?? null,
      canceled_at: so.canceled_at ?? null,
      refund:
        so.refund_amount != null
          ? { amount: Number(so.refund_amount), currency_code: so.currency_code as string, method: (so.refund_method as string) ?? "credit" }
          : null,
    }
  })
}

/** A stored file answer. */
export type IntakeFileView = { field: string; file_id: string; filename: string; mime_type: string; size: number }

/**
 * One service order with its history and intake: the form (the version the
 * latest submission answered, else the current version) and that submission.
 * The client's view leaves out who moved it and the merchant's notes.
 * `null` when it does not exist.
 */
export async function serviceOrderDetail(container: MedusaContainer, id: string, opts: { admin: boolean }) {
  const service = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
  const [row] = await service.listServiceOrders({ id }, { select: [...LIST_FIELDS] })
  if (!row) {
    return null
  }
  const so = row as unknown as Row
  const [history, [submission]] = await Promise.all([
    service.listServiceOrderHistories(
      { service_order_id: id },
      { select: ["id", "from_status", "to_status", "actor_type", "actor_id", "note", "created_at"], order: { created_at: "ASC" } }
    ),
    intake.listIntakeSubmissions(
      { service_order_id: id },
      { select: ["id", "form_id", "form_version_id", "version", "answers", "files", "created_at"], order: { created_at: "DESC" }, take: 1 }
    ),
  ])
  let form: { id: string; title: string; description: string | null; version: number; fields: IntakeField[] } | null = null
  const formId = submission?.form_id ?? so.intake_form_id
  if (formId) {
    const [f] = await intake.listIntakeForms({ id: formId }, { select: ["id", "title", "description", "version"], withDeleted: true })
    const version = submission?.version ?? f?.version
    const [v] = f
      ? await intake.listIntakeFormVersions({ form_id: formId, version }, { select: ["id", "version", "fields"], withDeleted: true })
      : []
    if (f && v) {
      form = { id: f.id, title: f.title, description: f.description ?? null, version: v.version, fields: v.fields as unknown as IntakeField[] }
    }
  }
  const base = opts.admin ? (await adminServiceOrders(container, [so]))[0] : storeServiceOrder(so)
  return {
    ...base,
    history: history.map((h) =>
      opts.admin
        ? { id: h.id, from_status: h.from_status, to_status: h.to_status, actor_type: h.actor_type, actor_id: h.actor_id, note: h.note, created_at: h.created_at }
        : { from_status: h.from_status, to_status: h.to_status, created_at: h.created_at }
    ),
    intake: {
      form,
      submission: submission
        ? {
            id: submission.id,
            version: submission.version,
            answers: submission.answers as Record<string, unknown>,
            files: submission.files as unknown as IntakeFileView[],
            created_at: submission.created_at,
          }
        : null,
    },
  }
}

/**
 * Whether a file belongs to a service order's intake answers: the file
 * module's id and its name, or `null`.
 */
export async function intakeFileOf(container: MedusaContainer, serviceOrderId: string, fileId: string) {
  const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
  const submissions = await intake.listIntakeSubmissions({ service_order_id: serviceOrderId }, { select: ["files"] })
  for (const s of submissions) {
    const hit = (s.files as unknown as IntakeFileView[]).find((f) => f.file_id === fileId)
    if (hit) {
      return hit
    }
  }
  return null
}
