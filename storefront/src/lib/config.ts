import "server-only"
import Medusa from "@medusajs/js-sdk"
import { createPorticoClient, type PorticoClient, type PorticoClientConfig } from "medusa-plugin-portico/client"

let client: Medusa | undefined
let porticoClient: PorticoClient | undefined

/** The backend's address and publishable key, read when the first request needs them (not at build time). */
function config(): PorticoClientConfig & { auth: { type: "jwt"; jwtTokenStorageMethod: "nostore" } } {
  return {
    baseUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
    publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY,
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  }
}

/**
 * The Medusa JS SDK, server side only. The SDK keeps no token of its own:
 * every call that acts for a customer passes that customer's token from
 * their cookie.
 */
export function sdk(): Medusa {
  if (!client) {
    client = new Medusa(config())
  }
  return client
}

/**
 * Portico's typed client (`medusa-plugin-portico/client`), server side only,
 * with the SDK's configuration: Portico's routes, and the core routes whose
 * refusal the storefront words itself (a refusal keeps the backend's `code`
 * and `errors[]`, which the SDK's `FetchError` drops). Like the SDK, it
 * sends a customer's token only when a call passes it.
 */
export function portico(): PorticoClient {
  if (!porticoClient) {
    porticoClient = createPorticoClient(config())
  }
  return porticoClient
}
