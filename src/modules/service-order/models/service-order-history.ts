import { model } from "@medusajs/framework/utils"
import { SERVICE_ORDER_STATUSES } from "../constants"
import { ServiceOrder } from "./service-order"

/** One change of a service order's status: who, when, from, to, and a note. */
export const ServiceOrderHistory = model
  .define({ name: "service_order_history", tableName: "portico_service_order_history" }, {
    id: model.id({ prefix: "sohis" }).primaryKey(),
    service_order: model.belongsTo(() => ServiceOrder, { mappedBy: "history" }),
    /** Null on the row that records the creation. */
    from_status: model.enum(SERVICE_ORDER_STATUSES).nullable(),
    to_status: model.enum(SERVICE_ORDER_STATUSES),
    actor_type: model.enum(["system", "customer", "user"]),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["service_order_id", "created_at"] }])
