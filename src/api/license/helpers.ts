import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { LicenseApiKey, LicenseApiMeta } from "../../contracts/http"
import { PorticoErrorCode, type PorticoErrorCodeType } from "../../contracts/errors"
import { PORTICO_ENTITLEMENT_MODULE } from "../../modules/entitlement"
import type EntitlementModuleService from "../../modules/entitlement/service"
import { effectiveKeyStatus, type LicenseKeyRow } from "../../modules/entitlement/service"
import { normalizeLicenseKey } from "../../modules/entitlement/license-key-format"
import { consumeRateLimits, RateLimited, tooManyRequests } from "../utils/rate-limit"

const Text = (max: number) => z.string().trim().min(1).max(max)
const Id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,100}$/, "Expected an id")

/** `POST /license/activate`. `fingerprint` (optional) tells installations apart; by default the instance name does. */
export const ActivateBody = z
  .object({ license_key: Text(100), instance_name: Text(200), fingerprint: Text(200).optional(), product_id: Id.optional() })
  .strict()
/** `POST /license/validate`. */
export const ValidateBody = z.object({ license_key: Text(100), instance_id: Id.optional(), product_id: Id.optional() }).strict()
/** `POST /license/deactivate`. */
export const DeactivateBody = z.object({ license_key: Text(100), instance_id: Id }).strict()

/** The HTTP status of a license API refusal: 404 for what does not exist, 400 for the rest, as Lemon Squeezy answers. */
export function refusalStatus(code: PorticoErrorCodeType) {
  return code === PorticoErrorCode.LICENSE_KEY_NOT_FOUND || code === PorticoErrorCode.LICENSE_INSTANCE_NOT_FOUND ? 404 : 400
}

/**
 * `license_key` and `meta` of a license API answer (Lemon Squeezy's shape),
 * read after the change so usage and status are current. Null for an
 * unknown key: nothing about other keys is told.
 */
export async function licenseAnswerParts(
  req: MedusaRequest,
  row: LicenseKeyRow | null,
  now: Date
): Promise<{ license_key: LicenseApiKey | null; meta: LicenseApiMeta | null }> {
  if (!row) {
    return { license_key: null, meta: null }
  }
  const service = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const [[key], usage] = await Promise.all([
    service.listLicenseKeys(
      { id: row.id },
      {
        select: [
          "id",
          "key",
          "status",
          "activation_limit",
          "expires_at",
          "created_at",
          "product_id",
          "variant_id",
          "title",
          "variant_title",
          "order_id",
          "line_item_id",
          "customer_id",
          "email",
        ],
      }
    ),
    service.listAndCountLicenseInstances({ license_key_id: row.id, deactivated_at: null }, { select: ["id"], take: 1 }),
  ])
  return {
    license_key: {
      id: key.id,
      status: effectiveKeyStatus({ status: key.status, expires_at: (key.expires_at as Date | null) ?? null }, now),
      key: key.key,
      activation_limit: key.activation_limit ?? null,
      activation_usage: usage[1],
      created_at: new Date(key.created_at as unknown as string).toISOString(),
      expires_at: key.expires_at ? new Date(key.expires_at as unknown as string).toISOString() : null,
    },
    meta: {
      product_id: key.product_id ?? null,
      product_name: key.title,
      variant_id: key.variant_id ?? null,
      variant_name: key.variant_title ?? null,
      order_id: key.order_id,
      order_item_id: key.line_item_id,
      customer_id: key.customer_id ?? null,
      customer_email: key.email ?? null,
    },
  }
}

/**
 * Validates a license API body against `schema` and counts the request
 * against the limits per IP address and per key (the entitlement module's
 * `license_rate_limits`, a minute each; counted in Redis across instances
 * when the app has one). A bad body answers 400 in the API's shape
 * (`error`, `code: "invalid_request"`, `errors[]` per field); over a limit,
 * 429 `rate_limited` with `Retry-After`.
 */
export function licenseRequest(schema: z.ZodType, flag: "activated" | "valid" | "deactivated") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        field: i.path.join(".") || "body",
        code: i.code === "unrecognized_keys" ? "unknown_field" : "invalid",
        message: i.message,
      }))
      res.status(400).json({
        [flag]: false,
        error: errors.map((e) => `${e.field}: ${e.message}`).join("; "),
        code: "invalid_request",
        errors,
        license_key: null,
        meta: null,
      })
      return
    }
    const body = parsed.data as { license_key: string }
    const limits = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).getSettings().license_rate_limits
    try {
      await consumeRateLimits(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE), req.scope.resolve(ContainerRegistrationKeys.LOGGER), [
        ["license_ip", { points: limits.per_ip, duration_seconds: 60 }, req.ip ?? req.socket.remoteAddress ?? "unknown"],
        ["license_key", { points: limits.per_key, duration_seconds: 60 }, normalizeLicenseKey(body.license_key) ?? body.license_key],
      ])
    } catch (e) {
      if (e instanceof RateLimited) {
        return tooManyRequests(res, e)
      }
      throw e
    }
    req.validatedBody = parsed.data
    next()
  }
}
