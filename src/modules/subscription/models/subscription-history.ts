import { model } from "@medusajs/framework/utils"
import { SUBSCRIPTION_ACTORS, SUBSCRIPTION_HISTORY_ACTIONS, SUBSCRIPTION_STATUSES } from "../constants"
import { Subscription } from "./subscription"

/** One thing that happened to a subscription: what, who, the status before and after, and details. */
export const SubscriptionHistory = model
  .define({ name: "subscription_history", tableName: "portico_subscription_history" }, {
    id: model.id({ prefix: "subhis" }).primaryKey(),
    subscription: model.belongsTo(() => Subscription, { mappedBy: "history" }),
    action: model.enum([...SUBSCRIPTION_HISTORY_ACTIONS]),
    from_status: model.enum(SUBSCRIPTION_STATUSES).nullable(),
    to_status: model.enum(SUBSCRIPTION_STATUSES),
    actor_type: model.enum([...SUBSCRIPTION_ACTORS]),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["subscription_id", "created_at"] }])
