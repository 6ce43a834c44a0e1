import { z } from "@medusajs/framework/zod"

/** Body of `POST /admin/portico/services/:id/settings` (`:id` is the product id). */
export const ServiceSettingsBody = z
  .object({
    folder_id: z.string().min(1).nullable().optional(),
    position: z.number().int().min(0).optional(),
    billing_type: z.enum(["one_time", "recurring"]).optional(),
    interval: z.enum(["day", "week", "month", "year"]).nullable().optional(),
    interval_count: z.number().int().min(1).max(365).optional(),
    billing_cycles: z.number().int().min(1).nullable().optional(),
    start_status: z.enum(["submitted", "working"]).optional(),
    intake_form_id: z.string().min(1).nullable().optional(),
    files_enabled: z.boolean().optional(),
    license_keys_enabled: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
export type ServiceSettingsBodyType = z.infer<typeof ServiceSettingsBody>

/** What a service without a settings row behaves as. */
export const DEFAULT_SERVICE_SETTINGS = {
  folder_id: null,
  position: 0,
  billing_type: "one_time",
  interval: null,
  interval_count: 1,
  billing_cycles: null,
  start_status: "submitted",
  intake_form_id: null,
  files_enabled: false,
  license_keys_enabled: false,
  metadata: null,
} as const
