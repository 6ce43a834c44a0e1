import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { IntakeField } from "../../modules/intake/schema"

/**
 * Service-order reads through Query, shared by the admin and store routes.
 * Each route passes the fields of its own `query-config.ts` (the store's
 * never include merchant-only fields such as notes, who moved an order, the
 * customer or refunds) and maps the rows with its side's view below.
 */

/** A service order as `query.graph` returns it (only the fields asked for are set). */
export type ServiceOrderRow = Record<string, unknown> & {
  id: string
  status: string
  intake_form_id: string | null
  invoice?: { number?: number | null } | null
  customer?: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  history?: (Record<string, unknown> & { created_at: Date | string })[] | null
  intake_submissions?: (IntakeSubmissionRow | null)[] | null
}

type IntakeSubmissionRow = {
  id: string
  form_id: string
  version: number
  answers: unknown
  files: unknown
  created_at: Date | string
}

/**
 * The fields {@link intakeView} reads of a service order (the client's own
 * answers, so the same for the admin and the store).
 */
export const serviceOrderIntakeFields = [
  "intake_form_id",
  "intake_submissions.id",
  "intake_submissions.form_id",
  "intake_submissions.version",
  "intake_submissions.answers",
  "intake_submissions.files",
  "intake_submissions.created_at",
]

/** Filters of a service-order list. */
export type ServiceOrderFilters = {
  status?: string[]
  product_id?: string
  customer_id?: string
  order_id?: string
}

/** A stored file answer. */
export type IntakeFileView = { field: string; file_id: string; filename: string; mime_type: string; size: number }

/** The fields a client sees of one of their service orders. */
export function storeServiceOrderView(so: ServiceOrderRow) {
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

/** The admin's fields: the client's plus invoice number, customer, dates and refund. */
export function adminServiceOrderView(so: ServiceOrderRow) {
  const c = so.customer
  return {
    ...storeServiceOrderView(so),
    invoice_id: (so.invoice_id as string | null) ?? null,
    invoice_number: (so.invoice_id && so.invoice?.number) || null,
    variant_id: (so.variant_id as string | null) ?? null,
    start_status: so.start_status,
    customer_id: (so.customer_id as string | null) ?? null,
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
}

/**
 * One page of service orders with `fields` (newest first unless `order` is
 * `created_at`; units of one line in order), as `{ rows, count }`.
 */
export async function listServiceOrderRows(
  scope: MedusaContainer,
  fields: string[],
  filters: ServiceOrderFilters,
  page: { limit: number; offset: number; order?: "created_at" | "-created_at" }
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const where: Record<string, unknown> = {}
  if (filters.status?.length) {
    where.status = filters.status
  }
  for (const key of ["product_id", "customer_id", "order_id"] as const) {
    if (filters[key]) {
      where[key] = filters[key]
    }
  }
  const { data, metadata } = await query.graph({
    entity: "service_order",
    fields,
    filters: where,
    pagination: {
      skip: page.offset,
      take: page.limit,
      order: { created_at: page.order === "created_at" ? "ASC" : "DESC", line_item_id: "ASC", unit_index: "ASC" },
    },
  })
  const rows = data as unknown as ServiceOrderRow[]
  return { rows, count: metadata?.count ?? rows.length }
}

/** One service order with `fields`, or undefined. */
export async function retrieveServiceOrderRow(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [row],
  } = await query.graph({ entity: "service_order", fields, filters: { id } })
  return row as unknown as ServiceOrderRow | undefined
}

/**
 * A service order's intake: the form (the version the latest submission
 * answered, else the form's current version; deleted forms included) and
 * that submission. The row needs `intake_form_id` and `intake_submissions.*`.
 */
export async function intakeView(scope: MedusaContainer, so: ServiceOrderRow) {
  const submission = (so.intake_submissions ?? [])
    .filter((s): s is IntakeSubmissionRow => !!s)
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
  let form: { id: string; title: string; description: string | null; version: number; fields: IntakeField[] } | null = null
  const formId = submission?.form_id ?? so.intake_form_id
  if (formId) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [f],
    } = await query.graph({
      entity: "intake_form",
      fields: ["id", "title", "description", "version"],
      filters: { id: formId },
      withDeleted: true,
    })
    const version = submission?.version ?? f?.version
    const {
      data: [v],
    } = f
      ? await query.graph({
          entity: "intake_form_version",
          fields: ["id", "version", "fields"],
          filters: { form_id: formId, version },
          withDeleted: true,
        })
      : { data: [] }
    if (f && v) {
      form = { id: f.id, title: f.title, description: f.description ?? null, version: v.version, fields: v.fields as unknown as IntakeField[] }
    }
  }
  return {
    form,
    submission: submission
      ? {
          id: submission.id,
          version: submission.version,
          answers: submission.answers as Record<string, unknown>,
          files: submission.files as IntakeFileView[],
          created_at: submission.created_at,
        }
      : null,
  }
}

/** A service order's history rows, oldest first. */
export function historyOf(so: ServiceOrderRow) {
  return [...(so.history ?? [])].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || String(a.id ?? "").localeCompare(String(b.id ?? ""))
  )
}
