import Link from "next/link"
import type { Invoice } from "@lib/data/invoices"
import InvoiceStatus from "./invoice-status"

/**
 * "Invoice INV-000123 · Paid": an order's invoice number and payment status;
 * with `linked`, the number opens the invoice in the portal.
 */
export default function InvoiceSummary({ invoice, className = "", linked = false }: { invoice?: Invoice; className?: string; linked?: boolean }) {
  if (!invoice?.number) {
    return null
  }
  return (
    <p className={`flex flex-wrap items-center gap-2 text-sm ${className}`} data-testid="invoice">
      <span>
        Invoice{" "}
        {linked ? (
          <Link href={`/portal/invoices/${encodeURIComponent(invoice.number)}`} className="font-semibold text-brand underline" data-testid="invoice-number">
            {invoice.number}
          </Link>
        ) : (
          <strong className="font-semibold text-ink" data-testid="invoice-number">{invoice.number}</strong>
        )}
      </span>
      <InvoiceStatus status={invoice.status} />
    </p>
  )
}
