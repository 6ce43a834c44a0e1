import { z } from "@medusajs/framework/zod"
import { BILLING_INTERVALS, BILLING_TYPES, LICENSE_EXPIRY_MODES, START_STATUSES } from "../../../../contracts/statuses"
import { Id, Metadata } from "../../../utils/body-primitives"
import { MAX_INT32 } from "../../../utils/validate-query"

/** Longest accepted texts of the service page fields (characters). */
export const SERVICE_TEXT_LIMITS = {
  /** What is included: one item per line. */
  included: 2000,
  /** Turnaround: a short phrase ("5 business days"). */
  turnaround: 120,
  /** What happens after the purchase. */
  next_steps: 1000,
} as const

/** A trimmed text of at most `max` characters; empty means none (null). */
const pageText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v))

/** The recurring-only fields a one-time service refuses. */
const RECURRING_ONLY = ["interval", "interval_count", "billing_cycles", "renewal_service_orders"] as const

/**
 * Body of `POST /admin/portico/services/:id/settings` (`:id` is the product id).
 * A body that makes the service one-time (`billing_type: "one_time"`) and sets
 * `interval`, `interval_count` or a non-null `billing_cycles` is refused field
 * by field with the code `not_applicable` (nothing is saved).
 */
export const ServiceSettingsBody = z
  .object({
    folder_id: Id.nullable().optional(),
    position: z.number().int().min(0).max(MAX_INT32).optional(),
    billing_type: z.enum(BILLING_TYPES).optional(),
    interval: z.enum(BILLING_INTERVALS).nullable().optional(),
    interval_count: z.number().int().min(1).max(365).optional(),
    billing_cycles: z.number().int().min(1).max(10_000).nullable().optional(),
    renewal_service_orders: z.boolean().optional(),
    start_status: z.enum(START_STATUSES).optional(),
    intake_form_id: Id.nullable().optional(),
    files_enabled: z.boolean().optional(),
    license_keys_enabled: z.boolean().optional(),
    license_activation_limit: z.number().int().min(1).max(100_000).nullable().optional(),
    license_expiry: z.enum(LICENSE_EXPIRY_MODES).optional(),
    license_expiry_interval: z.enum(BILLING_INTERVALS).nullable().optional(),
    license_expiry_count: z.number().int().min(1).max(120).nullable().optional(),
    included: pageText(SERVICE_TEXT_LIMITS.included),
    turnaround: pageText(SERVICE_TEXT_LIMITS.turnaround),
    next_steps: pageText(SERVICE_TEXT_LIMITS.next_steps),
    metadata: Metadata.nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.billing_type !== "one_time") {
      return
    }
    for (const field of RECURRING_ONLY) {
      if (body[field] !== undefined && body[field] !== null && body[field] !== false) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `A one-time service has no ${field.replace("_", " ")}: leave it out, or make the service recurring`,
          params: { code: "not_applicable" },
        })
      }
    }
  })
export type ServiceSettingsBodyType = z.infer<typeof ServiceSettingsBody>

/** What a service without a settings row behaves as. */
export const DEFAULT_SERVICE_SETTINGS = {
  folder_id: null,
  position: 0,
  billing_type: "one_time",
  interval: null,
  interval_count: 1,
  billing_cycles: null,
  renewal_service_orders: false,
  start_status: "submitted",
  intake_form_id: null,
  files_enabled: false,
  license_keys_enabled: false,
  license_activation_limit: 1,
  license_expiry: "never",
  license_expiry_interval: null,
  license_expiry_count: null,
  included: null,
  turnaround: null,
  next_steps: null,
  metadata: null,
} as const
