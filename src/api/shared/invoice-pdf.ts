import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatAddressLines, type AddressLike } from "../../contracts/address"
import type { IssuedInvoiceStatusType } from "../../contracts/statuses"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice/constants"
import { renderInvoicePdf, type InvoicePdfData } from "../../modules/invoice/pdf"
import type InvoiceModuleService from "../../modules/invoice/service"
import type { findInvoice } from "./invoices"

/** An issued invoice as {@link findInvoice} returns it. */
type FoundInvoice = NonNullable<Awaited<ReturnType<typeof findInvoice>>>

/**
 * What the PDF of `invoice` prints ({@link InvoicePdfData}): the invoice and
 * its lines; the merchant from the invoice module's `seller` option (the
 * Medusa store's name when it names none); the client from the order's
 * billing address and email (the invoice's email without an order).
 */
export async function invoicePdfData(scope: MedusaContainer, invoice: FoundInvoice): Promise<InvoicePdfData> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const seller = scope.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).getSeller()
  const [{ data: stores }, { data: orders }] = await Promise.all([
    seller.name ? { data: [] as { name?: string | null }[] } : query.graph({ entity: "store", fields: ["name"] }),
    invoice.order_id
      ? query.graph({ entity: "order", fields: ["id", "display_id", "email", "billing_address.*"], filters: { id: invoice.order_id } })
      : { data: [] as { display_id?: number; email?: string | null; billing_address?: AddressLike | null }[] },
  ])
  const order = orders[0] as { display_id?: number; email?: string | null; billing_address?: AddressLike | null } | undefined
  const billing = order?.billing_address
  const lines = invoice.lines as unknown as InvoicePdfData["lines"]
  return {
    number: invoice.number as string,
    status: invoice.status as IssuedInvoiceStatusType,
    currency_code: invoice.currency_code as string,
    opened_at: invoice.opened_at as Date | null,
    paid_at: invoice.paid_at as Date | null,
    voided_at: invoice.voided_at as Date | null,
    order_display_id: order?.display_id ?? null,
    subtotal: Number(invoice.subtotal),
    discount_total: Number(invoice.discount_total),
    tax_total: Number(invoice.tax_total),
    credit_total: Number(invoice.credit_total),
    total: Number(invoice.total),
    lines: lines.map((l) => ({
      title: l.title,
      variant_title: l.variant_title,
      quantity: Number(l.quantity),
      unit_price: Number(l.unit_price),
      total: Number(l.total),
    })),
    seller: {
      name: seller.name || stores[0]?.name || "",
      address_lines: seller.address_lines ?? [],
      email: seller.email,
      tax_id: seller.tax_id,
    },
    billing: {
      name: [billing?.first_name?.trim(), billing?.last_name?.trim()].filter(Boolean).join(" ") || null,
      // Company, street, locality and country, as the storefront prints the address.
      address_lines: billing ? formatAddressLines(billing, { includeName: false }) : [],
      email: order?.email ?? (invoice.email as string | null),
    },
  }
}

/**
 * Answers with the PDF of an issued invoice (found and access-checked by the
 * caller) as a download named `<number>.pdf`: the same document for the
 * admin (`GET /admin/portico/invoices/:id/pdf`) and the client
 * (`GET /store/portico/invoices/:number/pdf`). A read: nothing is written.
 */
export async function sendInvoicePdf(scope: MedusaContainer, res: MedusaResponse, invoice: FoundInvoice) {
  const pdf = await renderInvoicePdf(await invoicePdfData(scope, invoice))
  // The number is the merchant's prefix and digits; anything a header cannot carry plainly becomes "_".
  const filename = `${String(invoice.number).replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.status(200).end(pdf)
}
