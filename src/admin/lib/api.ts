import { toast } from "@medusajs/ui"
import { createPorticoClient } from "../../client"

export { fieldErrorsOf, isPorticoApiError, PorticoApiError } from "../../client"
/** One field-level problem reported by a Portico route (`errors[]` of a 4xx answer). */
export type { PorticoFieldError as FieldError } from "../../contracts/errors"

/**
 * Portico's typed client for the admin: same origin (or `VITE_BACKEND_URL`),
 * the admin's session cookie. A refusal throws a `PorticoApiError` that keeps
 * the server's `code` and per-field `errors`, so forms show them next to the
 * fields (see `fieldErrorsOf`).
 */
export const portico = createPorticoClient({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})

/** Shows the server's message of a failed request to the merchant. */
export function toastError(error: unknown) {
  toast.error(error instanceof Error ? error.message : "Something went wrong")
}
