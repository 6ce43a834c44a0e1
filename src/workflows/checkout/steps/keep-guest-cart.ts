import type { ICartModuleService, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * The guest customer (no account) of `email` when the email also belongs to a
 * registered customer, created if there is none yet (`created`); null when
 * the email has no registered customer (Medusa's own handling is right then).
 *
 * Why: given only an email, Medusa attaches a cart to the email's registered
 * customer, and Portico serves a registered customer's cart to that customer
 * only. A client who once logged in to the portal (so has an account) and
 * now checks out without logging in would be locked out of their own cart the
 * moment they type their email. With the email's guest customer the cart
 * stays a guest cart; the order is claimed by the account at the next portal
 * login (`openPortalAccountWorkflow`).
 */
async function guestCustomerFor(container: MedusaContainer, rawEmail: string | null | undefined) {
  // Medusa keys customers by the email lower-cased (`validateEmail`).
  const email = rawEmail?.trim().toLowerCase()
  if (!email) {
    return null
  }
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const same = await customers.listCustomers({ email }, { select: ["id", "has_account", "created_at"], order: { created_at: "ASC" } })
  if (!same.some((c) => c.has_account)) {
    return null
  }
  const guest = same.find((c) => !c.has_account)
  if (guest) {
    return { id: guest.id, created: false }
  }
  const created = await customers.createCustomers({ email, has_account: false })
  return { id: created.id, created: true }
}

const deleteCreated = async (container: MedusaContainer, id: string | null | undefined) => {
  if (id) {
    await container.resolve<ICustomerModuleService>(Modules.CUSTOMER).deleteCustomers([id])
  }
}

export const guestCustomerForEmailStepId = "portico-guest-customer-for-email"

/**
 * For a new cart created without a logged-in customer: the guest customer to
 * give it when its email belongs to a registered customer (see
 * `guestCustomerFor` above), else null. Compensation deletes a guest it created.
 */
export const guestCustomerForEmailStep = createStep(
  guestCustomerForEmailStepId,
  async (input: { email?: string | null }, { container }) => {
    const guest = await guestCustomerFor(container, input.email)
    return new StepResponse(guest?.id ?? null, guest?.created ? guest.id : null)
  },
  async (createdId, { container }) => deleteCreated(container, createdId)
)

export const keepGuestCartStepId = "portico-keep-guest-cart"

/**
 * Before Medusa's cart update sets the first email of a cart that has no
 * customer yet, gives the cart that email's guest customer when the email
 * belongs to a registered customer, so that the update keeps it a guest cart.
 * Compensation takes the customer off the cart again and deletes a guest it
 * created.
 */
export const keepGuestCartStep = createStep(
  keepGuestCartStepId,
  async (input: { cart_id: string; email?: string | null }, { container }) => {
    if (!input.email) {
      return new StepResponse(false, null)
    }
    const carts = container.resolve<ICartModuleService>(Modules.CART)
    const cart = await carts.retrieveCart(input.cart_id, { select: ["id", "customer_id"] })
    const guest = cart.customer_id ? null : await guestCustomerFor(container, input.email)
    if (!guest) {
      return new StepResponse(false, null)
    }
    await carts.updateCarts(input.cart_id, { customer_id: guest.id })
    return new StepResponse(true, { cart_id: input.cart_id, created: guest.created ? guest.id : null })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<ICartModuleService>(Modules.CART).updateCarts(undo.cart_id, { customer_id: null })
      await deleteCreated(container, undo.created)
    }
  }
)
