/**
 * The words to show a client for a failed backend call: Medusa's own message
 * (e.g. "The promotion code X is invalid"), never a stack or "[object Object]".
 */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; status?: unknown }
    if (typeof e.message === "string" && e.message.trim()) {
      return e.message
    }
  }
  return "Something went wrong. Please try again."
}

/** Result of a server action that a form shows. */
export type ActionState = { error?: string; ok?: boolean } | null
