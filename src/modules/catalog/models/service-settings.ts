import { model } from "@medusajs/framework/utils"
import { BILLING_INTERVALS, BILLING_TYPES, LICENSE_EXPIRY_MODES, START_STATUSES } from "../../../contracts/statuses"
import { ServiceFolder } from "./folder"

/**
 * Portico's settings of one service (a Medusa product, by `product_id`): the
 * folder it is shown in, how it is billed, and the status its service orders
 * start in once intake is done, and what the service page tells clients
 * before they buy (what is included, the turnaround, what happens after the
 * purchase), and whether buyers get its files and license keys (with the
 * keys' activation limit and expiry).
 */
export const ServiceSettings = model
  .define({ name: "service_settings", tableName: "portico_service_settings" }, {
    id: model.id({ prefix: "ssvc" }).primaryKey(),
    product_id: model.text(),
    folder: model.belongsTo(() => ServiceFolder, { mappedBy: "services" }).nullable(),
    /** Order of the service inside its folder. */
    position: model.number().default(0),
    billing_type: model.enum([...BILLING_TYPES]).default("one_time"),
    interval: model.enum([...BILLING_INTERVALS]).nullable(),
    interval_count: model.number().default(1),
    /** Number of billing cycles of a recurring service; null runs until canceled. */
    billing_cycles: model.number().nullable(),
    /** Recurring services: each paid renewal opens a new service order for its period (else only the first purchase does). */
    renewal_service_orders: model.boolean().default(false),
    start_status: model.enum([...START_STATUSES]).default("submitted"),
    intake_form_id: model.text().nullable(),
    files_enabled: model.boolean().default(false),
    license_keys_enabled: model.boolean().default(false),
    /** Activations each license key allows; null is unlimited. */
    license_activation_limit: model.number().default(1).nullable(),
    /** When license keys expire: never, after a length, or with the subscription. */
    license_expiry: model.enum([...LICENSE_EXPIRY_MODES]).default("never"),
    license_expiry_interval: model.enum([...BILLING_INTERVALS]).nullable(),
    license_expiry_count: model.number().nullable(),
    /** What the service includes, one item per line (shown as a list on the service page). */
    included: model.text().nullable(),
    /** How long delivery takes, in the merchant's words ("5 business days"). */
    turnaround: model.text().nullable(),
    /** What happens after the purchase (the brief or intake the client fills, a call, …). */
    next_steps: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["product_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["folder_id", "position"], where: "deleted_at IS NULL" },
  ])
