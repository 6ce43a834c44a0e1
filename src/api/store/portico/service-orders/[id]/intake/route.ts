import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { intakeTarget } from "../../../../../../workflows/intake/steps/validate-intake-submission"
import { submitIntakeWorkflow } from "../../../../../../workflows/intake/workflows/submit-intake"
import { storeServiceOrderDetail } from "../../helpers"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { deleteStoredFiles, intakeRequestBound, IntakeUploadTooLarge, readIntakeUpload } from "../../../../../utils/intake-upload"
import { inputProblem, problemBody } from "../../../../../utils/request-guard"
import { accessibleServiceOrder } from "../../../../../utils/order-access"

/**
 * `POST /store/portico/service-orders/:id/intake`: the client's answers to
 * the service order's intake form, as `multipart/form-data` (an `answers`
 * part holding the JSON of the non-file answers, one file part per file named
 * by its field key) or as JSON `{ answers }`.
 *
 * Before a byte of the upload is read: 404 for an order the caller may not
 * see, 400 `intake_not_pending` / `no_intake_form` when it takes no intake,
 * 413 `body_too_large` when the request announces more than the form's file
 * fields allow. Files then stream into private storage under keys Portico
 * makes, their content checked against their claimed type. Every field is
 * validated against the form's current version; 400 `invalid_intake` lists
 * the offending fields (`answers.<key>`) and keeps nothing (stored files are
 * deleted). A valid submission moves the order from `pending` to the
 * service's start status; a second one is refused (400 `intake_not_pending`).
 * Returns `{ service_order }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await accessibleServiceOrder(req, req.params.id)
  const target = await intakeTarget(req.scope, req.params.id)
  let answers: unknown = (req.body as { answers?: unknown } | undefined)?.answers ?? {}
  let files: Awaited<ReturnType<typeof readIntakeUpload>>["files"] = []
  if (req.is("multipart/form-data")) {
    // Answered before the rest of the upload is read (Node then discards it, holding nothing).
    const tooLarge = (e: IntakeUploadTooLarge) => {
      res.status(413).json({ type: "invalid_data", code: "body_too_large", message: e.message, errors: [{ field: "body", code: "body_too_large", message: e.message }] })
    }
    const bound = intakeRequestBound(target.version.fields)
    if (Number(req.headers["content-length"] ?? 0) > bound) {
      return tooLarge(new IntakeUploadTooLarge(bound))
    }
    try {
      ;({ answers, files } = await readIntakeUpload(req, req.scope, target.version.fields))
    } catch (e) {
      if (e instanceof IntakeUploadTooLarge) {
        return tooLarge(e)
      }
      throw e
    }
    const problem = inputProblem(answers, "answers")
    if (problem) {
      await deleteStoredFiles(req.scope, files.map((f) => f.file_id))
      res.status(400).json(problemBody(problem))
      return
    }
  }
  await submitIntakeWorkflow(req.scope).run({
    input: { service_order_id: req.params.id, customer_id: req.auth_context?.actor_id ?? null, answers, files },
  })
  res.json({ service_order: await storeServiceOrderDetail(req.scope, req.params.id) })
})
