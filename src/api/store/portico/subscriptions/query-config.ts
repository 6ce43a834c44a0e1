/** `GET /store/portico/subscriptions`: a page of the client's subscriptions (fields are fixed: the `SubscriptionView` contract). */
export const subscriptionListQueryConfig = {
  defaults: ["id"],
  allowed: ["id"],
  defaultLimit: 20,
  isList: true,
}
