import type { ConfigModule } from "@medusajs/framework/types"
import jwt from "jsonwebtoken"
import { signingKey } from "./order-access"

const AUDIENCE = "portico:file-download"

/**
 * A signed token naming a file and the client it was made for, valid
 * `ttlSeconds` (the entitlement module's `download_link_ttl_seconds`): enough
 * to start the download, never a permanent URL. No version: the download
 * resolves the newest.
 */
export function downloadToken(config: ConfigModule, input: { file_id: string; customer_id: string }, ttlSeconds: number) {
  return jwt.sign({ f: input.file_id, c: input.customer_id }, signingKey(config, AUDIENCE), { audience: AUDIENCE, expiresIn: ttlSeconds })
}

/** The file and client of a valid, unexpired token; null for anything tampered, expired or foreign. */
export function readDownloadToken(config: ConfigModule, token: string): { file_id: string; customer_id: string } | null {
  if (!token || token.length > 2000) {
    return null
  }
  try {
    const payload = jwt.verify(token, signingKey(config, AUDIENCE), { audience: AUDIENCE, algorithms: ["HS256"] })
    if (typeof payload === "object" && typeof payload.f === "string" && typeof payload.c === "string") {
      return { file_id: payload.f, customer_id: payload.c }
    }
  } catch {
    // tampered, expired or signed for something else
  }
  return null
}
