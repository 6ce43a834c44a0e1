import { Container, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * What a panel shows while its query is not ready: the error's message, a
 * loading line, or the empty text (`empty`, when set); otherwise the content
 * from `children`, rendered only then and handed `data` (callers count data
 * still missing as `loading`).
 */
export function QueryState<T = undefined>({
  error,
  loading,
  data,
  empty,
  emptyTestId,
  className = "px-6 py-4",
  children,
}: {
  error?: Error | null
  loading: boolean
  data?: T | null
  empty?: ReactNode
  emptyTestId?: string
  className?: string
  children: (data: NonNullable<T>) => ReactNode
}) {
  if (error) {
    return (
      <Text size="small" className={`text-ui-fg-error ${className}`}>
        {error.message}
      </Text>
    )
  }
  if (loading) {
    return (
      <Text size="small" className={`text-ui-fg-subtle ${className}`}>
        Loading…
      </Text>
    )
  }
  if (empty) {
    return (
      <Text size="small" className={`text-ui-fg-subtle ${className}`} data-testid={emptyTestId}>
        {empty}
      </Text>
    )
  }
  return <>{children(data as NonNullable<T>)}</>
}

/** A whole page's placeholder while its query is not ready: the error's message, or a loading line. */
export function PagePending({ error }: { error?: Error | null }) {
  return (
    <Container className="px-6 py-4">
      <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
        {error ? error.message : "Loading…"}
      </Text>
    </Container>
  )
}
