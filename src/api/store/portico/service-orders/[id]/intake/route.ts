import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submitIntakeWorkflow } from "../../../../../../workflows/intake/workflows/submit-intake"
import { serviceOrderDetail } from "../../../../../../workflows/service-order/read"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { accessibleServiceOrder } from "../../../../../utils/service-order-access"

type UploadedPart = { fieldname: string; originalname: string; mimetype: string; size: number; buffer: Buffer }

/** The answers of a JSON body, or of a multipart body's `answers` part (a JSON string). */
function answersOf(body: unknown): { ok: true; value: unknown } | { ok: false } {
  const raw = (body as { answers?: unknown } | undefined)?.answers
  if (typeof raw !== "string") {
    return { ok: true, value: raw ?? {} }
  }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch {
    return { ok: false }
  }
}

/**
 * `POST /store/portico/service-orders/:id/intake`: the client's answers to
 * the service order's intake form, as `multipart/form-data` (an `answers`
 * part holding the JSON of the non-file answers, one file part per file named
 * by its field key) or as JSON `{ answers }`. Every field is validated
 * against the form's current version; 400 `invalid_intake` lists the
 * offending fields (`answers.<key>`) and stores nothing. A valid submission
 * moves the order from `pending` to the service's start status; a second one
 * is refused (400 `intake_not_pending`). 404 for another client's order.
 * Returns `{ service_order }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await accessibleServiceOrder(req, req.params.id)
  const answers = answersOf(req.body)
  if (!answers.ok) {
    res.status(400).json({
      type: "invalid_data",
      code: "invalid_intake",
      message: "The answers are not valid JSON.",
      errors: [{ field: "answers", code: "invalid_json", message: "The answers are not valid JSON" }],
    })
    return
  }
  const parts = ((req as unknown as { files?: UploadedPart[] }).files ?? []) as UploadedPart[]
  await submitIntakeWorkflow(req.scope).run({
    input: {
      service_order_id: req.params.id,
      customer_id: req.auth_context?.actor_id ?? null,
      answers: answers.value,
      files: parts.map((p) => ({
        field: p.fieldname,
        filename: p.originalname,
        mime_type: p.mimetype,
        size: p.size,
        content: p.buffer.toString("base64"),
      })),
    },
  })
  res.json({ service_order: await serviceOrderDetail(req.scope, req.params.id, { admin: false }) })
})
