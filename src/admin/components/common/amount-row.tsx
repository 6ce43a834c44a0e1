import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One "label … amount" line of a totals block (invoice totals, order credit summary). */
export const AmountRow = ({
  label,
  value,
  testId,
  strong,
}: {
  label: string
  value: ReactNode
  testId: string
  strong?: boolean
}) => (
  <div className="flex items-center justify-between gap-x-4">
    <Text size="small" weight={strong ? "plus" : "regular"} className={strong ? undefined : "text-ui-fg-subtle"}>
      {label}
    </Text>
    <Text size="small" weight={strong ? "plus" : "regular"} className="tabular-nums" data-testid={testId}>
      {value}
    </Text>
  </div>
)
