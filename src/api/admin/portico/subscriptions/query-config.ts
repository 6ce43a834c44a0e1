/** `GET /admin/portico/subscriptions`: a page of subscriptions (fields are fixed: the `SubscriptionView` contract). */
export const adminSubscriptionListQueryConfig = {
  defaults: ["id"],
  allowed: ["id"],
  defaultLimit: 20,
  isList: true,
}
