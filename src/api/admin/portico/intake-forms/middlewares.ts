import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { CreateIntakeFormBody, IntakeFormListParams, UpdateIntakeFormBody } from "./validators"

/** Middleware of `/admin/portico/intake-forms/*`: query and body validation (forms may be up to 512 kB). */
export const adminIntakeFormMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/intake-forms",
    methods: ["GET"],
    middlewares: [validateQuery(IntakeFormListParams, { defaults: ["id"], isList: true, defaultLimit: 20 })],
  },
  {
    matcher: "/admin/portico/intake-forms",
    methods: ["POST"],
    bodyParser: { sizeLimit: "512kb" },
    middlewares: [validateBody(CreateIntakeFormBody)],
  },
  {
    matcher: "/admin/portico/intake-forms/:id",
    methods: ["POST"],
    bodyParser: { sizeLimit: "512kb" },
    middlewares: [validateBody(UpdateIntakeFormBody)],
  },
]
