import { formatMoney } from "@lib/util/money"

export default function Price({ amount, currency, className }: { amount?: number | null; currency: string; className?: string }) {
  return <span className={className}>{formatMoney(amount ?? 0, currency)}</span>
}
