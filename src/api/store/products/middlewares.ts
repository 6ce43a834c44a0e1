import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"

/** Adds relations to the fields a core store route accepts in `fields=`. */
function allowFields(...fields: string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const r = req as MedusaRequest & { allowed?: string[] }
    r.allowed = [...(r.allowed ?? []), ...fields]
    next()
  }
}

/**
 * Middleware on Medusa's `/store/products*` routes: clients may ask for a
 * service's Portico settings with the product (`fields=+service_settings.*`);
 * Medusa's store routes allow only listed fields.
 */
export const storeProductMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/products*",
    methods: ["GET"],
    middlewares: [allowFields("service_settings")],
  },
]
