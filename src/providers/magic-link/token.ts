import { createHash, randomBytes } from "node:crypto"

/** Random bytes in a login token's secret part (256 bits). */
export const TOKEN_BYTES = 32

/**
 * A new login token for the provider identity `identityId`:
 * `<identityId>.<secret>`, the secret being {@link TOKEN_BYTES} random bytes
 * in base64url. Only {@link hashSecret} of the secret is stored; the identity
 * id lets the consumer find the row by its primary key.
 */
export function newLoginToken(identityId: string): { token: string; hash: string } {
  const secret = randomBytes(TOKEN_BYTES).toString("base64url")
  return { token: `${identityId}.${secret}`, hash: hashSecret(secret) }
}

/** SHA-256 (hex) of a token's secret part: what is stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex")
}

/** The identity id and the secret's hash of a token as sent back, or null when it cannot be one of ours. */
export function parseLoginToken(token: unknown): { identityId: string; hash: string } | null {
  if (typeof token !== "string" || token.length > 200) {
    return null
  }
  const dot = token.lastIndexOf(".")
  const identityId = token.slice(0, dot)
  const secret = token.slice(dot + 1)
  if (dot <= 0 || !/^[A-Za-z0-9_-]{43}$/.test(secret) || !/^[A-Za-z0-9_]+$/.test(identityId)) {
    return null
  }
  return { identityId, hash: hashSecret(secret) }
}

/** The email as Portico keys it: trimmed and lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/**
 * A storefront path to come back to after login, or undefined: only a
 * relative path (`/portal/invoices/INV-1`), never another site (`//evil`,
 * `https://…`, backslashes).
 */
export function safeNextPath(next: unknown): string | undefined {
  if (typeof next !== "string" || next.length > 500) {
    return undefined
  }
  return /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : undefined
}
