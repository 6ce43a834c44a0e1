import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { isEmailTemplate } from "../../../../modules/email-template/templates/catalog"
import { unknownVariables } from "../../../../modules/email-template/templates/placeholders"
import { type FieldError, invalidRequest, validateBody } from "../../../utils/validate-body"
import { PreviewEmailTemplateBody, UpsertEmailTemplateBody } from "./validators"

/**
 * Refuses an override whose subject or body uses a variable the template does
 * not fill (HTTP 400, one `unknown_variable` error per placeholder, field
 * `subject` or `body`). Runs after the body validation.
 */
export function validateTemplateVariables(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const template = req.params.template
  if (!isEmailTemplate(template)) {
    // The route answers 404.
    return next()
  }
  const body = (req.validatedBody ?? {}) as { subject?: string | null; body?: string | null }
  const errors: FieldError[] = unknownVariables(template, body).map(({ field, name }) => ({
    field,
    code: "unknown_variable",
    message: name
      ? `'{{${name}}}' is not a variable of ${template}`
      : `'{{}}' names no variable`,
  }))
  if (!errors.length) {
    return next()
  }
  res.status(400).json(invalidRequest(errors))
}

/** Middleware of `/admin/portico/email-templates/*`: body and template-variable validation. */
export const adminEmailTemplateMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/email-templates/:template",
    methods: ["POST"],
    middlewares: [validateBody(UpsertEmailTemplateBody), validateTemplateVariables],
  },
  {
    matcher: "/admin/portico/email-templates/:template/preview",
    methods: ["POST"],
    middlewares: [validateBody(PreviewEmailTemplateBody), validateTemplateVariables],
  },
]
