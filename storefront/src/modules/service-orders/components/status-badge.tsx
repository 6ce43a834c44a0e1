import { statusLabel, type ServiceOrderStatus } from "@lib/util/intake"

const TONES: Record<ServiceOrderStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  submitted: "bg-sky-50 text-sky-800 ring-sky-200",
  working: "bg-brand-soft text-brand-dark ring-indigo-200",
  complete: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  canceled: "bg-gray-100 text-ink-soft ring-gray-200",
}

/** A service order's status as a small coloured label ("Submitted"). */
export default function StatusBadge({ status, className = "" }: { status: string; className?: string }) {
  const tone = TONES[status as ServiceOrderStatus] ?? TONES.canceled
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tone} ${className}`}
      data-testid="service-order-status"
      data-status={status}
    >
      {statusLabel(status)}
    </span>
  )
}
