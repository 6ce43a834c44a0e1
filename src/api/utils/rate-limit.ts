import { createHash } from "node:crypto"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { PorticoErrorCode } from "../../utils/errors"
import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"

/** A limit: at most `points` requests per `duration_seconds`. */
export type RateLimit = { points: number; duration_seconds: number }

/** The login-link limits (the magic-link provider's `rate_limits` option overrides them). */
export type LoginRateLimits = {
  /** Login links asked for one email (default 5 per 15 minutes). */
  per_email: RateLimit
  /** Link requests and logins with a link from one IP address (default 30 per 15 minutes). */
  per_ip: RateLimit
}

export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  per_email: { points: 5, duration_seconds: 15 * 60 },
  per_ip: { points: 30, duration_seconds: 15 * 60 },
}

/** A refused request: how many seconds until it is allowed again. */
export class RateLimited extends Error {
  constructor(readonly retryAfter: number) {
    super(`Too many requests. Try again in ${retryAfter} seconds.`)
  }
}

let redis: Redis | null = null
const limiters = new Map<string, RateLimiterAbstract>()

/**
 * The limiter named `name` with `limit`: counted in Redis when the app has a
 * `redisUrl` (so the limit holds across instances), with an in-memory limiter
 * as insurance while Redis is unreachable; in memory otherwise.
 */
function limiter(config: ConfigModule, logger: Logger, name: string, limit: RateLimit): RateLimiterAbstract {
  const key = `${name}:${limit.points}:${limit.duration_seconds}`
  let found = limiters.get(key)
  if (!found) {
    const opts = { keyPrefix: `portico_rl_${name}`, points: limit.points, duration: limit.duration_seconds }
    const redisUrl = config.projectConfig.redisUrl
    if (redisUrl) {
      if (!redis) {
        redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
        redis.on("error", (e) => logger.warn(`Portico's rate limiter cannot reach Redis: ${e.message}`))
      }
      found = new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) })
    } else {
      found = new RateLimiterMemory(opts)
    }
    limiters.set(key, found)
  }
  return found
}

/**
 * Counts one request against each `[name, limit, key]`; throws
 * {@link RateLimited} when any of them is over its limit. Keys are hashed
 * (no email address is stored in Redis).
 */
export async function consumeRateLimits(
  config: ConfigModule,
  logger: Logger,
  checks: Array<[name: string, limit: RateLimit, key: string]>
): Promise<void> {
  for (const [name, limit, key] of checks) {
    try {
      await limiter(config, logger, name, limit).consume(createHash("sha256").update(key).digest("hex"))
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new RateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)))
      }
      throw e
    }
  }
}

/** The magic-link provider's `rate_limits` option over the defaults. */
export function loginRateLimits(config: ConfigModule): LoginRateLimits {
  const auth = (config.modules as Record<string, { options?: { providers?: Array<{ id?: string; options?: Record<string, unknown> }> } } | boolean | undefined>)?.auth
  const provider = typeof auth === "object" ? auth.options?.providers?.find((p) => p.id === "magic-link") : undefined
  const own = (provider?.options?.rate_limits ?? {}) as Partial<LoginRateLimits>
  return {
    per_email: { ...DEFAULT_LOGIN_RATE_LIMITS.per_email, ...own.per_email },
    per_ip: { ...DEFAULT_LOGIN_RATE_LIMITS.per_ip, ...own.per_ip },
  }
}

/** The answer to a request over a limit: 429 `rate_limited` with `retry_after` and a `Retry-After` header. */
export function tooManyRequests(res: MedusaResponse, e: RateLimited) {
  res.setHeader("Retry-After", String(e.retryAfter))
  res.status(429).json({ type: "too_many_requests", code: PorticoErrorCode.RATE_LIMITED, message: e.message, retry_after: e.retryAfter })
}
