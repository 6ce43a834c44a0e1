import "server-only"
import Medusa from "@medusajs/js-sdk"

let client: Medusa | undefined

/**
 * The Medusa JS SDK, server side only. The backend URL and publishable key are
 * read from the environment when the first request needs them (not at build
 * time), and the SDK keeps no token of its own: every call that acts for a
 * customer passes that customer's token from their cookie.
 */
export function sdk(): Medusa {
  if (!client) {
    client = new Medusa({
      baseUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
      publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY,
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    })
  }
  return client
}
