import type { InvoiceStatusType } from "medusa-plugin-portico/contracts"

const STATUS: Record<InvoiceStatusType, { label: string; className: string }> = {
  paid: { label: "Paid", className: "bg-emerald-100 text-emerald-800" },
  open: { label: "Awaiting payment", className: "bg-amber-100 text-amber-800" },
  void: { label: "Void", className: "bg-gray-100 text-ink-soft" },
  abandoned: { label: "Not issued", className: "bg-gray-100 text-ink-soft" },
}

/** An invoice's status as a small coloured label ("Paid", "Awaiting payment"). */
export default function InvoiceStatus({ status, className = "" }: { status: InvoiceStatusType; className?: string }) {
  const view = STATUS[status] ?? { label: status, className: "bg-gray-100 text-ink-soft" }
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${view.className} ${className}`}
      data-testid="invoice-status"
      data-status={status}
    >
      {view.label}
    </span>
  )
}
