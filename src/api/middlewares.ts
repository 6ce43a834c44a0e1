import {
  authenticate,
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import {
  listFolderQueryConfig,
  retrieveFolderQueryConfig,
} from "./admin/portico/folders/query-config"
import {
  CreateFolderBody,
  FolderListParams,
  FolderServicesBody,
  FolderServicesParams,
  ReorderFoldersBody,
  UpdateFolderBody,
} from "./admin/portico/folders/validators"
import { listInvoiceQueryConfig } from "./admin/portico/invoices/query-config"
import { InvoiceListParams } from "./admin/portico/invoices/validators"
import { ServiceSettingsBody } from "./admin/portico/services/validators"
import {
  CartCreditBody,
  CreditAdjustmentBody,
  CreditRefundBody,
  LedgerParams,
} from "./utils/credit-validators"
import {
  AdminServiceOrderParams,
  ServiceOrderStatusBody,
  StoreServiceOrderParams,
} from "./admin/portico/service-orders/validators"
import {
  CreateIntakeFormBody,
  IntakeFormListParams,
  UpdateIntakeFormBody,
} from "./admin/portico/intake-forms/validators"
import { verifyPaymentWebhook } from "./utils/payment-webhook"
import { emailTemplateMiddlewares } from "./admin/portico/email-templates/middlewares"
import { validateBody } from "./utils/validate-body"
import { porticoErrorHandler } from "./utils/error-handler"
import { guardRequestInput, requireJsonBody } from "./utils/request-guard"
import { validateQuery } from "./utils/validate-query"
import { callerOwnsCart, callerOwnsOrder } from "./utils/ownership"

/** Adds relations to the fields a core store route accepts in `fields=`. */
function allowFields(...fields: string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const r = req as MedusaRequest & { allowed?: string[] }
    r.allowed = [...(r.allowed ?? []), ...fields]
    next()
  }
}

/**
 * Portico's routes and their validation. Bodies go through `validateBody`
 * and queries through `validateQuery` (Medusa's `validateAndTransformQuery`
 * after a strict check): 400 `invalid_request` with one entry per offending
 * field. Every store, admin and auth request passes `guardRequestInput`
 * first; Medusa's own cart, order and payment-collection routes pass the
 * ownership checks; errors go through `porticoErrorHandler`.
 */
export default defineMiddlewares({
  errorHandler: porticoErrorHandler(),
  routes: [
    // Before any route work: text the database cannot store, reserved keys
    // and hostile nesting are refused on every store, admin and auth route.
    { matcher: "/store*", middlewares: [guardRequestInput] },
    { matcher: "/admin*", middlewares: [guardRequestInput] },
    { matcher: "/auth*", middlewares: [guardRequestInput] },
    // A registered client's carts and orders are theirs only, on Medusa's own
    // routes too (404 for anyone else, before the core route runs).
    { matcher: "/store/carts/:id*", methods: ["GET", "POST", "DELETE"], middlewares: [callerOwnsCart("param")] },
    { matcher: "/store/orders/:id*", methods: ["GET", "POST"], middlewares: [callerOwnsOrder] },
    { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [callerOwnsCart("body")] },
    {
      matcher: "/store/payment-collections/:id*",
      methods: ["GET", "POST", "DELETE"],
      middlewares: [callerOwnsCart("payment_collection")],
    },
    // Portico's own routes take JSON bodies of at most 64 kB (a few larger or
    // multipart ones below set their own).
    {
      matcher: "/store/portico*",
      methods: ["POST", "PUT", "PATCH", "DELETE"],
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [requireJsonBody],
    },
    {
      matcher: "/admin/portico*",
      methods: ["POST", "PUT", "PATCH", "DELETE"],
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [requireJsonBody],
    },
    {
      matcher: "/store/carts/:id/credit",
      methods: ["POST"],
      bodyParser: { sizeLimit: "1kb" },
      middlewares: [requireJsonBody],
    },
    {
      matcher: "/admin/portico/folders",
      methods: ["GET"],
      middlewares: [validateQuery(FolderListParams, listFolderQueryConfig)],
    },
    {
      matcher: "/admin/portico/folders",
      methods: ["POST"],
      middlewares: [
        validateBody(CreateFolderBody),
        validateQuery(
          FolderListParams.pick({ fields: true }),
          retrieveFolderQueryConfig
        ),
      ],
    },
    {
      matcher: "/admin/portico/folders/tree/order",
      methods: ["POST"],
      middlewares: [validateBody(ReorderFoldersBody)],
    },
    {
      matcher: "/admin/portico/folders/:id",
      methods: ["POST"],
      middlewares: [validateBody(UpdateFolderBody)],
    },
    {
      matcher: "/admin/portico/folders/:id/services",
      methods: ["POST"],
      middlewares: [validateBody(FolderServicesBody)],
    },
    {
      matcher: "/admin/portico/services/:id/settings",
      methods: ["POST"],
      middlewares: [validateBody(ServiceSettingsBody)],
    },
    {
      matcher: "/admin/portico/invoices",
      methods: ["GET"],
      middlewares: [validateQuery(InvoiceListParams, listInvoiceQueryConfig)],
    },
    {
      matcher: "/store/orders/:id/invoice",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/orders/:id/payment-instructions",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/carts/:id/invoice",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    // Payment webhooks: verified before Medusa queues them (see payment-middleware.ts).
    {
      matcher: "/hooks/payment/:provider",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyPaymentWebhook],
    },
    {
      matcher: "/store/carts/:id/credit",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/carts/:id/credit",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(CartCreditBody)],
    },
    {
      matcher: "/store/portico/credit",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/portico/credit/transactions",
      methods: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateQuery(LedgerParams, { defaults: ["id"], isList: true, defaultLimit: 20 }),
      ],
    },
    {
      matcher: "/admin/portico/customers/:id/credit/transactions",
      methods: ["GET"],
      middlewares: [validateQuery(LedgerParams, { defaults: ["id"], isList: true, defaultLimit: 20 })],
    },
    {
      matcher: "/admin/portico/customers/:id/credit/adjustments",
      methods: ["POST"],
      middlewares: [validateBody(CreditAdjustmentBody)],
    },
    {
      matcher: "/admin/portico/orders/:id/credit-refunds",
      methods: ["POST"],
      middlewares: [validateBody(CreditRefundBody)],
    },
    ...emailTemplateMiddlewares,
    // Service orders and intake.
    {
      matcher: "/admin/portico/service-orders",
      methods: ["GET"],
      middlewares: [validateQuery(AdminServiceOrderParams, { defaults: ["id"], isList: true, defaultLimit: 20 })],
    },
    {
      matcher: "/admin/portico/service-orders/:id/status",
      methods: ["POST"],
      middlewares: [validateBody(ServiceOrderStatusBody)],
    },
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
    {
      matcher: "/store/portico/service-orders",
      methods: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateQuery(StoreServiceOrderParams, { defaults: ["id"], isList: true, defaultLimit: 20 }),
      ],
    },
    {
      matcher: "/store/portico/service-orders/:id*",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      // JSON, or multipart (answers as a JSON part, files streamed to storage
      // by the route once it knows the caller, the order and the form).
      matcher: "/store/portico/service-orders/:id/intake",
      methods: ["POST"],
      bodyParser: { sizeLimit: "256kb" },
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/portico/orders/:id/service-orders",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      // Lets clients ask for a service's Portico settings with the product
      // (`fields=+service_settings.*`); Medusa's store routes allow only listed fields.
      matcher: "/store/products*",
      methods: ["GET"],
      middlewares: [allowFields("service_settings")],
    },
    {
      matcher: "/store/portico/folders",
      methods: ["GET"],
      middlewares: [validateQuery(FolderListParams, listFolderQueryConfig)],
    },
    {
      matcher: "/store/portico/folders/:id/services",
      methods: ["GET"],
      middlewares: [
        validateQuery(FolderServicesParams, {
          defaults: ["id"],
          isList: true,
          defaultLimit: 20,
        }),
      ],
    },
  ],
})
