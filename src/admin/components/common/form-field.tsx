import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A labelled form control with an optional hint and the server's error for
 * that field (shown instead of the hint).
 */
export const FormField = ({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string
  optional?: boolean
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? (
      <Hint variant="error" data-testid={`${id}-error`}>
        {error}
      </Hint>
    ) : hint ? (
      <Hint>{hint}</Hint>
    ) : null}
  </div>
)
