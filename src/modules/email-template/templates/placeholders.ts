import { type EmailTemplateName, variableNames } from "./catalog"

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/** One placeholder of an override that the template does not fill. */
export type UnknownVariable = { field: "subject" | "body"; name: string }

/** The names used in `text` as `{{name}}` (trimmed, in order, with repeats). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim())
}

/**
 * The placeholders of an override's subject and body that the template does
 * not know (a typo would otherwise reach clients as `{{portal_ur}}`).
 */
export function unknownVariables(
  template: EmailTemplateName,
  override: { subject?: string | null; body?: string | null }
): UnknownVariable[] {
  const known = new Set(variableNames(template))
  const found: UnknownVariable[] = []
  for (const field of ["subject", "body"] as const) {
    const seen = new Set<string>()
    for (const name of placeholdersIn(override[field] ?? "")) {
      if (!known.has(name) && !seen.has(name)) {
        seen.add(name)
        found.push({ field, name })
      }
    }
  }
  return found
}

/** Replaces every `{{name}}` with its value (unknown names become empty). */
export function fillPlaceholders(text: string, variables: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => variables[name.trim()] ?? "")
}
