import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ServiceOrderModule from "../modules/service-order"

/** Read-only link service order → customer (by `customer_id`), for the admin's work queue. */
export default defineLink(
  { linkable: ServiceOrderModule.linkable.serviceOrder, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
