import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
  IEventBusModuleService,
  Logger,
} from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { newLoginToken, normalizeEmail, parseLoginToken, safeNextPath } from "./token"

/** Options of the magic-link auth provider (`options` of its entry under the auth module). */
export type MagicLinkProviderOptions = {
  /**
   * The storefront page a login link opens (Portico's storefront:
   * `<storefront>/portal/login`). Links are `<login_url>/verify?token=…`; the
   * request's answer points to `<login_url>?sent=1`. Required: links never
   * take their host from the request.
   */
  login_url: string
  /** How long a link stays valid, in minutes (default 15). */
  token_ttl_minutes?: number
  /**
   * Limits of `POST /auth/customer/magic-link` (read by Portico's middleware
   * on that route): `per_email` links asked for one email (default 5 per 15
   * minutes), `per_ip` link requests and logins from one address (default 30
   * per 15 minutes). Each `{ points, duration_seconds }`.
   */
  rate_limits?: Partial<Record<"per_email" | "per_ip", { points: number; duration_seconds: number }>>
}

/** Event emitted for each login-link request, with the link to send (the `magic-link-email` subscriber emails it). */
export const MAGIC_LINK_REQUESTED = "portico.magic_link.requested"

/** Data of {@link MAGIC_LINK_REQUESTED}. */
export type MagicLinkRequestedData = {
  email: string
  /** The login link, secret included: send it to `email` and nowhere else. */
  url: string
  expires_at: string
  ttl_minutes: number
}

type Deps = {
  logger: Logger
  [Modules.EVENT_BUS]: IEventBusModuleService
  [ContainerRegistrationKeys.PG_CONNECTION]: Knex
}

const INVALID = "This login link is invalid or has expired. Request a new one."

/**
 * Passwordless login for customers: an auth-module provider (`magic-link`).
 *
 * `POST /auth/customer/magic-link` with `{ email, next? }` asks for a link:
 * a fresh token (32 random bytes) is stored only as its SHA-256 hash in the
 * email's provider identity (created on first request), replacing any earlier
 * one, and {@link MAGIC_LINK_REQUESTED} is emitted so the link is emailed off
 * the request. The answer is the same `{ location }` whether or not the email
 * is known.
 *
 * `POST /auth/customer/magic-link` with `{ token }` logs in: one conditional
 * UPDATE consumes the token if its hash matches and it has not expired, so a
 * token works once, even under concurrent requests. Unknown, expired, used or
 * altered tokens fail alike.
 */
export class MagicLinkAuthProviderService extends AbstractAuthModuleProvider {
  static override identifier = "magic-link"
  static override DISPLAY_NAME = "Magic link"

  protected readonly options_: Required<Omit<MagicLinkProviderOptions, "rate_limits">>
  protected readonly deps_: Deps

  static override validateOptions(options: Record<string, unknown>) {
    if (typeof options?.login_url !== "string" || !/^https?:\/\//.test(options.login_url)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The magic-link provider needs `login_url` (an absolute http(s) URL of the storefront's login page).")
    }
    const ttl = options.token_ttl_minutes
    if (ttl !== undefined && !(typeof ttl === "number" && ttl > 0 && ttl <= 24 * 60)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The magic-link provider's `token_ttl_minutes` must be a number of minutes between 1 and 1440.")
    }
  }

  constructor(deps: Deps, options: MagicLinkProviderOptions) {
    super()
    this.deps_ = deps
    this.options_ = {
      token_ttl_minutes: options.token_ttl_minutes ?? 15,
      login_url: options.login_url.replace(/\/+$/, ""),
    }
  }

  override async register(): Promise<AuthenticationResponse> {
    return { success: false, error: "Magic-link accounts are created by their first login: request a link instead." }
  }

  override async authenticate(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    if ((data as { actor_type?: unknown }).actor_type !== "customer") {
      // Links log clients in, never an admin user (whatever `authMethodsPerActor` says).
      return { success: false, error: "Login links are for customers only." }
    }
    const body = (data.body ?? {}) as { email?: unknown; token?: unknown; next?: unknown }
    if (body.token !== undefined) {
      return this.consume(body.token, identities)
    }
    if (typeof body.email === "string" && body.email.includes("@")) {
      return this.request(normalizeEmail(body.email), safeNextPath(body.next), identities)
    }
    return { success: false, error: "Send `email` to receive a login link, or `token` to log in with one." }
  }

  /** Stores a new token for `email` (replacing the previous one) and emits the link. */
  protected async request(email: string, next: string | undefined, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const ttl = this.options_.token_ttl_minutes
    const expiresAt = new Date(Date.now() + ttl * 60_000).toISOString()
    const identity = await this.providerIdentity(email, identities)
    const { token, hash } = newLoginToken(identity.id)
    await identities.update(email, {
      provider_metadata: { ...(identity.provider_metadata ?? {}), token_hash: hash, expires_at: expiresAt },
    })
    const url = new URL(`${this.options_.login_url}/verify`)
    url.searchParams.set("token", token)
    if (next) {
      url.searchParams.set("next", next)
    }
    const event: MagicLinkRequestedData = { email, url: url.toString(), expires_at: expiresAt, ttl_minutes: ttl }
    await this.deps_[Modules.EVENT_BUS].emit({ name: MAGIC_LINK_REQUESTED, data: event })
    return { success: true, location: `${this.options_.login_url}?sent=1` }
  }

  /** The email's magic-link provider identity, created on its first request. */
  protected async providerIdentity(email: string, identities: AuthIdentityProviderService) {
    const find = async () => {
      const authIdentity = await identities.retrieve({ entity_id: email })
      return this.own(authIdentity)
    }
    try {
      return await find()
    } catch (e) {
      if ((e as MedusaError).type !== MedusaError.Types.NOT_FOUND) {
        throw e
      }
    }
    try {
      return this.own(await identities.create({ entity_id: email, provider_metadata: {} }))
    } catch (e) {
      // Two first requests for one email at once: the other one created it.
      return find().catch(() => {
        throw e
      })
    }
  }

  protected own(authIdentity: AuthIdentityDTO) {
    const identity = authIdentity.provider_identities?.find((p) => p.provider === this.providerId_)
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "No magic-link identity")
    }
    return identity
  }

  /**
   * Consumes a token: the one conditional UPDATE below is the single-use
   * guarantee (a second, concurrent consumer finds no row).
   */
  protected async consume(token: unknown, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const parsed = parseLoginToken(token)
    if (!parsed) {
      return { success: false, error: INVALID }
    }
    // Date.now(), not SQL now(): one clock for issuing and checking (tests move it).
    const now = new Date(Date.now()).toISOString()
    const rows: Array<{ entity_id: string }> = await this.deps_[ContainerRegistrationKeys.PG_CONNECTION]("provider_identity")
      .where({ id: parsed.identityId, provider: this.providerId_, deleted_at: null })
      .whereRaw("provider_metadata->>'token_hash' = ?", [parsed.hash])
      .whereRaw("(provider_metadata->>'expires_at')::timestamptz > ?::timestamptz", [now])
      .update({
        provider_metadata: this.deps_[ContainerRegistrationKeys.PG_CONNECTION].raw(
          "(provider_metadata - 'token_hash' - 'expires_at') || jsonb_build_object('last_login_at', ?::text)",
          [now]
        ),
        updated_at: this.deps_[ContainerRegistrationKeys.PG_CONNECTION].fn.now(),
      })
      .returning(["entity_id"])
    if (!rows.length) {
      return { success: false, error: INVALID }
    }
    const authIdentity = await identities.retrieve({ entity_id: rows[0].entity_id })
    return { success: true, authIdentity }
  }

  private get providerId_() {
    return MagicLinkAuthProviderService.identifier
  }
}
