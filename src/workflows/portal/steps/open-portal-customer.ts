import type { CustomerDTO, CustomerUpdatableFields, ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const openPortalCustomerStepId = "portico-open-portal-customer"

export type OpenPortalCustomerInput = { email: string | null; customer_id: string | null }

/** The account the login opens and the guest customers whose purchases it claims. */
export type OpenPortalCustomerResult = {
  customer_id: string
  /** Whether the auth identity still has to be linked to `customer_id`. */
  link_identity: boolean
  /** Guest customers (no account) of the same email, other than `customer_id`. */
  guest_customer_ids: string[]
}

type Undo = { created?: string; upgraded?: string }

/** `has_account` as an update (a column of the customer model that Medusa's update type leaves out). */
const hasAccount = (value: boolean) => ({ has_account: value }) as CustomerUpdatableFields

/** `$ilike` pattern matching `email` exactly, ignoring case (`%`, `_` and `\` escaped). */
const exactly = (email: string) => email.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Finds or makes the customer of a magic-link login, for an `email` the
 * client proved to own:
 * - an identity already linked keeps its customer;
 * - else the email's registered customer (a password account) is used;
 * - else the email's guest customer (orders placed without an account) is
 *   upgraded to a registered one: its orders, invoices and service orders are
 *   the client's from now on, with nothing to move;
 * - else a customer without a password is created.
 * Emails match ignoring case. Compensation deletes a created customer and
 * turns an upgraded one back into a guest.
 */
export const openPortalCustomerStep = createStep(
  openPortalCustomerStepId,
  async (input: OpenPortalCustomerInput, { container }) => {
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const sameEmail: CustomerDTO[] = input.email
      ? await customers.listCustomers({ email: { $ilike: exactly(input.email) } }, { select: ["id", "email", "has_account", "created_at"], order: { created_at: "ASC" } })
      : []
    const guests = sameEmail.filter((c) => !c.has_account)
    const undo: Undo = {}
    let customerId = input.customer_id
    const linkIdentity = !customerId
    if (!customerId) {
      const registered = sameEmail.find((c) => c.has_account)
      if (registered) {
        customerId = registered.id
      } else if (guests.length) {
        customerId = guests[0].id
        await customers.updateCustomers(customerId, hasAccount(true))
        undo.upgraded = customerId
      } else {
        const [created] = await customers.createCustomers([{ email: input.email!, has_account: true }])
        customerId = created.id
        undo.created = customerId
      }
    }
    const result: OpenPortalCustomerResult = {
      customer_id: customerId,
      link_identity: linkIdentity,
      guest_customer_ids: guests.map((g) => g.id).filter((id) => id !== customerId),
    }
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    if (undo.created) {
      await customers.deleteCustomers([undo.created])
    }
    if (undo.upgraded) {
      await customers.updateCustomers(undo.upgraded, hasAccount(false))
    }
  }
)
