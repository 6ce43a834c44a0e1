import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { isEmailTemplate } from "../../../../modules/email-template/templates/catalog"
import { unknownVariables } from "../../../../modules/email-template/templates/placeholders"
import { type FieldError, fieldErrors, invalidRequest, validateBody } from "../../../utils/validate-body"
import { MailboxListParams, PreviewEmailTemplateBody, UpsertEmailTemplateBody } from "./validators"

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

/** Parses the mailbox list's `limit` / `offset` into `req.validatedQuery`. */
function validateMailboxQuery(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.query ?? {}
  const result = MailboxListParams.safeParse(query)
  if (!result.success) {
    res.status(400).json(invalidRequest(fieldErrors(result.error, query)))
    return
  }
  req.validatedQuery = result.data
  next()
}

/**
 * Routes of Portico's emails (overrides and the dev mailbox) and their
 * validation; `src/api/middlewares.ts` spreads them into its routes.
 */
export const emailTemplateMiddlewares: MiddlewareRoute[] = [
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
  {
    matcher: "/admin/portico/mailbox",
    methods: ["GET"],
    middlewares: [validateMailboxQuery],
  },
]
