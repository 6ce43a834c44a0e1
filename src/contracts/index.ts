/**
 * Portico's contracts, exported as `medusa-plugin-portico/contracts`: the
 * HTTP shapes of Portico's routes, the status words, the error codes and the
 * intake field schema with its answer validation. Defined once here and
 * imported by the routes and modules, the admin, the storefront and the
 * typed client (`medusa-plugin-portico/client`). Depends on `zod` only.
 */
export * from "./address"
export * from "./errors"
export * from "./http"
export * from "./intake"
export * from "./statuses"
