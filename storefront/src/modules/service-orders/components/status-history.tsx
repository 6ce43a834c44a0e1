import { statusLabel, type ServiceOrderDetail } from "@lib/util/intake"

const when = (d: string) => new Date(d).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })

/** A service order's changes of status, oldest first ("Created as Pending", "Pending → Submitted"). */
export default function StatusHistory({ history }: { history: ServiceOrderDetail["history"] }) {
  if (!history.length) {
    return null
  }
  const rows = [...history].sort((a, b) => a.created_at.localeCompare(b.created_at))
  return (
    <ol className="flex flex-col gap-3 text-sm" data-testid="service-order-history">
      {rows.map((h, i) => (
        <li key={`${h.created_at}-${i}`} className="flex gap-3" data-testid="history-row">
          <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand" />
          <span>
            <span className="block font-medium">
              {h.from_status ? (
                <>
                  {statusLabel(h.from_status)} → {statusLabel(h.to_status)}
                </>
              ) : (
                <>Ordered ({statusLabel(h.to_status)})</>
              )}
            </span>
            <time dateTime={h.created_at} className="text-ink-faint">
              {when(h.created_at)}
            </time>
          </span>
        </li>
      ))}
    </ol>
  )
}
