import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { requireJsonBody } from "../../utils/request-guard"
import { validateBody } from "../../utils/validate-body"
import { CartCreditBody } from "./validators"

/** Middleware of Portico's `/store/carts/:id/{credit,invoice}` routes: authentication and body validation. */
export const storeCartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/credit",
    methods: ["POST"],
    bodyParser: { sizeLimit: "1kb" },
    middlewares: [requireJsonBody],
  },
  {
    matcher: "/store/carts/:id/invoice",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
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
]
