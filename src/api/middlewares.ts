import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerMiddlewares } from "./admin/portico/customers/middlewares"
import { adminEmailTemplateMiddlewares } from "./admin/portico/email-templates/middlewares"
import { adminFolderMiddlewares } from "./admin/portico/folders/middlewares"
import { adminIntakeFormMiddlewares } from "./admin/portico/intake-forms/middlewares"
import { adminInvoiceMiddlewares } from "./admin/portico/invoices/middlewares"
import { adminMailboxMiddlewares } from "./admin/portico/mailbox/middlewares"
import { adminOrderMiddlewares } from "./admin/portico/orders/middlewares"
import { adminServiceOrderMiddlewares } from "./admin/portico/service-orders/middlewares"
import { adminServiceMiddlewares } from "./admin/portico/services/middlewares"
import { adminSubscriptionMiddlewares } from "./admin/portico/subscriptions/middlewares"
import { authMagicLinkMiddlewares } from "./auth/customer/magic-link/middlewares"
import { coreRouteMiddlewares } from "./core-route-middlewares"
import { storeAccountMiddlewares } from "./store/portico/account/middlewares"
import { storeCartMiddlewares } from "./store/carts/middlewares"
import { licenseApiMiddlewares } from "./license/middlewares"
import { adminLicenseKeyMiddlewares } from "./admin/portico/license-keys/middlewares"
import { storeEntitlementMiddlewares } from "./store/portico/entitlements/middlewares"
import { storeFileMiddlewares } from "./store/portico/files/middlewares"
import { storeLicenseKeyMiddlewares } from "./store/portico/license-keys/middlewares"
import { storeOrderMiddlewares } from "./store/orders/middlewares"
import { storeCreditMiddlewares } from "./store/portico/credit/middlewares"
import { storeFolderMiddlewares } from "./store/portico/folders/middlewares"
import { storeInvoiceMiddlewares } from "./store/portico/invoices/middlewares"
import { storePorticoOrderMiddlewares } from "./store/portico/orders/middlewares"
import { storeServiceOrderMiddlewares } from "./store/portico/service-orders/middlewares"
import { storeSubscriptionMiddlewares } from "./store/portico/subscriptions/middlewares"
import { storeProductMiddlewares } from "./store/products/middlewares"
import { porticoErrorHandler } from "./utils/error-handler"
import { callerOwnsCart, callerOwnsOrder } from "./utils/ownership"
import { guardRequestInput, requireJsonBody } from "./utils/request-guard"

/**
 * What runs before the routes. The global guards come first:
 * `guardRequestInput` on every store, admin and auth request, the ownership
 * checks on Medusa's own cart, order and payment-collection routes, and the
 * JSON body limit of Portico's own routes. Then Portico's middleware on
 * Medusa's core routes (`core-route-middlewares.ts`), then each resource's
 * list from its `middlewares.ts` (`api/{admin,store}/…/<resource>/`), where
 * bodies go through `validateBody` and queries through `validateQuery` (400
 * `invalid_request` with one entry per offending field). Errors go through
 * `porticoErrorHandler`.
 *
 * Medusa sorts these entries (global matchers first, then by path); entries
 * with the same matcher keep the order they are listed in, which is why the
 * guards and ownership checks are listed before everything else.
 */
export default defineMiddlewares({
  errorHandler: porticoErrorHandler(),
  routes: [
    // Before any route work: text the database cannot store, reserved keys
    // and hostile nesting are refused on every store, admin and auth route.
    { matcher: "/store*", middlewares: [guardRequestInput] },
    { matcher: "/admin*", middlewares: [guardRequestInput] },
    { matcher: "/auth*", middlewares: [guardRequestInput] },
    { matcher: "/license*", middlewares: [guardRequestInput] },
    { matcher: "/portico*", middlewares: [guardRequestInput] },
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
    // multipart ones set their own in their resource's list).
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
    ...coreRouteMiddlewares,
    ...authMagicLinkMiddlewares,
    ...adminFolderMiddlewares,
    ...adminServiceMiddlewares,
    ...adminInvoiceMiddlewares,
    ...adminCustomerMiddlewares,
    ...adminOrderMiddlewares,
    ...adminEmailTemplateMiddlewares,
    ...adminMailboxMiddlewares,
    ...adminServiceOrderMiddlewares,
    ...adminIntakeFormMiddlewares,
    ...adminSubscriptionMiddlewares,
    ...storeCartMiddlewares,
    ...storeAccountMiddlewares,
    ...storeOrderMiddlewares,
    ...storeCreditMiddlewares,
    ...storeInvoiceMiddlewares,
    ...storeServiceOrderMiddlewares,
    ...storeSubscriptionMiddlewares,
    ...storePorticoOrderMiddlewares,
    ...storeProductMiddlewares,
    ...storeFolderMiddlewares,
    ...storeEntitlementMiddlewares,
    ...storeFileMiddlewares,
    ...storeLicenseKeyMiddlewares,
    ...adminLicenseKeyMiddlewares,
    ...licenseApiMiddlewares,
  ],
})
