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

/**
 * Result of a server action that a form shows. On an error, `values` carries
 * what the client typed, so the form (which React resets after an action)
 * shows it again instead of making them retype it.
 */
export type ActionState = { error?: string; ok?: boolean; values?: Record<string, string> } | null

/** The text fields of a submitted form, for `ActionState.values`. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  formData.forEach((value, key) => {
    if (typeof value === "string" && !key.startsWith("$ACTION")) {
      values[key] = value
    }
  })
  return values
}
