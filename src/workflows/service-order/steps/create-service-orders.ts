import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import type { NewServiceOrder } from "../../../modules/service-order/service"
import { type PurchasedItem, unitsOf } from "../purchased-items"

export const createServiceOrdersStepId = "portico-create-service-orders-step"

/** The service orders an invoice's payment created, for events. */
export type CreatedServiceOrders = {
  invoice_id: string
  order_id: string | null
  created: { id: string; order_id: string; invoice_id: string; status: string }[]
}


/**
 * Creates one service order per purchased unit of the order behind a paid
 * invoice: a line with quantity 2 gives two. A subscription renewal's invoice
 * gives one only when the service's `renewal_service_orders` setting asks. A service with an intake form
 * starts `pending`; one without starts in its configured status (`submitted`
 * or `working`). An invoice that is not `paid` creates nothing. Idempotent:
 * rows that exist (unique per line item and unit) are left alone, so the paid
 * event delivered again, concurrently or after a crash creates nothing more.
 * Compensation deletes what this run created.
 */
export const createServiceOrdersStep = createStep(
  createServiceOrdersStepId,
  async (input: { invoice_id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [invoice] = await invoices.listInvoices(
      { id: input.invoice_id },
      { select: ["id", "status", "order_id", "customer_id", "email", "currency_code", "renewal_id"] }
    )
    const none: CreatedServiceOrders = { invoice_id: input.invoice_id, order_id: invoice?.order_id ?? null, created: [] }
    if (!invoice?.order_id || invoice.status !== InvoiceStatus.PAID) {
      return new StepResponse(none, [] as string[])
    }
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "email",
        "customer_id",
        "currency_code",
        // An order item's quantity is read from its detail row: only the
        // whole item (`items.*`) brings it.
        "items.*",
      ],
      filters: { id: invoice.order_id },
    })
    if (!order) {
      return new StepResponse(none, [] as string[])
    }
    const items = (order.items ?? []).filter(Boolean) as PurchasedItem[]
    const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
    const settings = productIds.length
      ? await catalog.listServiceSettings(
          { product_id: productIds },
          { select: ["product_id", "intake_form_id", "start_status", "renewal_service_orders"] }
        )
      : []
    const byProduct = new Map(settings.map((s) => [s.product_id, s]))
    // A subscription renewal's order opens a service order only when its service asks for one per renewal.
    const wanted = invoice.renewal_id
      ? items.filter((item) => !!item.product_id && byProduct.get(item.product_id)?.renewal_service_orders)
      : items
    const rows: NewServiceOrder[] = wanted.flatMap((item) => {
      const s = item.product_id ? byProduct.get(item.product_id) : undefined
      const units = unitsOf(item)
      const start = (s?.start_status ?? "submitted") as "submitted" | "working"
      return Array.from({ length: units }, (_, i) => ({
        order_id: order.id,
        order_display_id: (order.display_id as number | null) ?? null,
        line_item_id: item.id,
        unit_index: i + 1,
        units,
        invoice_id: invoice.id,
        customer_id: (order.customer_id as string | null) ?? invoice.customer_id ?? null,
        email: (order.email as string | null) ?? invoice.email ?? null,
        product_id: item.product_id ?? null,
        variant_id: item.variant_id ?? null,
        title: item.title,
        variant_title: item.variant_title ?? null,
        currency_code: order.currency_code as string,
        status: s?.intake_form_id ? "pending" : start,
        start_status: start,
        intake_form_id: s?.intake_form_id ?? null,
      }))
    })
    const ids = await serviceOrders.createMissingServiceOrders(rows)
    const created = ids.length
      ? (await serviceOrders.listServiceOrders({ id: ids }, { select: ["id", "order_id", "invoice_id", "status"] })).map((so) => ({
          id: so.id,
          order_id: so.order_id,
          invoice_id: so.invoice_id as string,
          status: so.status as string,
        }))
      : []
    return new StepResponse({ ...none, created }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    await serviceOrders.deleteServiceOrders(ids)
  }
)
