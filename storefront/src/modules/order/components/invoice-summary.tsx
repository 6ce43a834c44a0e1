import type { Invoice } from "@lib/data/invoices"

const STATUS: Record<Invoice["status"], { label: string; className: string }> = {
  paid: { label: "Paid", className: "bg-emerald-100 text-emerald-800" },
  open: { label: "Awaiting payment", className: "bg-amber-100 text-amber-800" },
  void: { label: "Void", className: "bg-gray-100 text-ink-soft" },
  abandoned: { label: "Not issued", className: "bg-gray-100 text-ink-soft" },
}

/** "Invoice INV-000123 · Paid": an order's invoice number and payment status. */
export default function InvoiceSummary({ invoice, className = "" }: { invoice?: Invoice; className?: string }) {
  if (!invoice?.number) {
    return null
  }
  const status = STATUS[invoice.status] ?? { label: invoice.status, className: "bg-gray-100 text-ink-soft" }
  return (
    <p className={`flex flex-wrap items-center gap-2 text-sm ${className}`} data-testid="invoice">
      <span>
        Invoice <strong className="font-semibold text-ink" data-testid="invoice-number">{invoice.number}</strong>
      </span>
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${status.className}`} data-testid="invoice-status">
        {status.label}
      </span>
    </p>
  )
}
