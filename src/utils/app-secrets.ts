/** What development falls back to when `JWT_SECRET` / `COOKIE_SECRET` are not set. */
export const DEVELOPMENT_SECRET = "portico-development-secret"

const warned = new Set<string>()

/** Shortest secret accepted in production. */
export const MIN_SECRET_LENGTH = 32

/**
 * The JWT and cookie secrets of a Medusa app, for its `medusa-config.ts`.
 * With `NODE_ENV=production` both must be set, at least
 * {@link MIN_SECRET_LENGTH} characters and not a known placeholder, else this
 * throws (the app refuses to start). Elsewhere a missing one falls back to
 * {@link DEVELOPMENT_SECRET} with a warning.
 */
export function appSecrets(
  env: Record<string, string | undefined> = process.env,
  warn: (message: string) => void = (m) => {
    // Once per process (tests load the config many times), and not in test runs.
    if (env.NODE_ENV !== "test" && !warned.has(m)) {
      warned.add(m)
      console.warn(m)
    }
  }
): { jwtSecret: string; cookieSecret: string } {
  const production = env.NODE_ENV === "production"
  const weak = new Set(["supersecret", "secret", "changeme", DEVELOPMENT_SECRET])
  const pick = (name: "JWT_SECRET" | "COOKIE_SECRET") => {
    const value = env[name]?.trim()
    if (production) {
      if (!value) {
        throw new Error(`${name} must be set when NODE_ENV=production (a random string of at least ${MIN_SECRET_LENGTH} characters).`)
      }
      if (value.length < MIN_SECRET_LENGTH || weak.has(value)) {
        throw new Error(`${name} is too weak for production: use a random string of at least ${MIN_SECRET_LENGTH} characters.`)
      }
      return value
    }
    if (!value) {
      warn(`[portico] ${name} is not set: using a development secret. Set it before going to production.`)
      return DEVELOPMENT_SECRET
    }
    return value
  }
  return { jwtSecret: pick("JWT_SECRET"), cookieSecret: pick("COOKIE_SECRET") }
}
