import { acquireLockStep, releaseLockStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimGuestPurchasesStep } from "../steps/claim-guest-purchases"
import { openPortalCustomerStep } from "../steps/open-portal-customer"
import { resolvePortalLoginStep } from "../steps/resolve-portal-login"

export const openPortalAccountWorkflowId = "portico-open-portal-account"

export type OpenPortalAccountInput = { auth_identity_id: string }

/**
 * Opens the customer-portal account of a login: run after every magic-link
 * login (Portico's `POST /store/portico/account` does), idempotent.
 *
 * For the email the login link proved: the first login creates the customer
 * without a password, or upgrades the email's guest customer (its orders,
 * invoices and service orders become the account's), or uses the existing
 * password account; the auth identity is linked to that customer. Then the
 * purchases of any other guest customer of the email are claimed (orders,
 * invoices, service orders). A password-only identity claims nothing (its
 * email was never proved). Runs under a lock per email, so two logins at
 * once cannot create two customers.
 *
 * Returns `{ customer_id, claimed: { orders, invoices, service_orders } }`.
 * After it, refresh the login's token (`POST /auth/token/refresh`) to get one
 * that names the customer.
 */
export const openPortalAccountWorkflow = createWorkflow(openPortalAccountWorkflowId, (input: OpenPortalAccountInput) => {
  const first = resolvePortalLoginStep(input)
  const lockKey = transform({ first }, ({ first }) => `portico-portal-account:${first.email ?? first.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  // Read again under the lock: a concurrent login may have linked the identity meanwhile.
  const login = resolvePortalLoginStep(input).config({ name: "resolve-portal-login-locked" })
  const account = openPortalCustomerStep(transform({ login }, ({ login }) => ({ email: login.email, customer_id: login.customer_id })))
  when({ account }, ({ account }) => account.link_identity).then(() => {
    setAuthAppMetadataStep(
      transform({ account, login }, ({ account, login }) => ({
        authIdentityId: login.auth_identity_id,
        actorType: "customer",
        value: account.customer_id,
      }))
    )
  })
  const claimed = claimGuestPurchasesStep(
    transform({ account }, ({ account }) => ({ customer_id: account.customer_id, guest_customer_ids: account.guest_customer_ids }))
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ account, claimed }, ({ account, claimed }) => ({ customer_id: account.customer_id, claimed })))
})
