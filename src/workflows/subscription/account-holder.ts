import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** An account holder as the payment module hands it to a provider (`data.id` is Stripe's customer). */
export type AccountHolder = { id: string; provider_id: string; external_id: string; data: Record<string, unknown> }

/**
 * The customer's account holder with a payment provider (Stripe's customer),
 * created and linked to the customer when there is none yet, as Medusa's
 * `createPaymentSessionsWorkflow` does (the module returns an existing one
 * rather than creating a second).
 */
export async function customerAccountHolder(
  container: MedusaContainer,
  customerId: string,
  providerId: string
): Promise<AccountHolder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "company_name", "phone", "account_holders.*"],
    filters: { id: customerId },
  })
  const existing = ((customer?.account_holders ?? []) as (AccountHolder | null)[]).find((h) => h?.provider_id === providerId)
  if (existing) {
    return existing
  }
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const holder = (await payments.createAccountHolder({
    provider_id: providerId,
    context: { customer: customer as never },
  })) as unknown as AccountHolder
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.CUSTOMER]: { customer_id: customerId },
    [Modules.PAYMENT]: { account_holder_id: holder.id },
  })
  return holder
}

/** The card details Stripe gives with a payment method (`card.brand`, `card.last4`). */
type CardDetails = { brand?: string | null; last4?: string | null }

/**
 * "visa •••• 4242" for a saved card, for the portal and the admin: from the
 * card details at hand (a payment method Stripe returned expanded), else
 * looked up among the cards Stripe keeps on the client's Stripe customer
 * (the payment module's `listPaymentMethods`), because a PaymentIntent names
 * its payment method by id only. `holder` is the account holder or its id.
 * null when it cannot be told; a lookup failure never fails the caller.
 */
export async function savedCardLabel(
  container: MedusaContainer,
  input: {
    provider_id: string
    holder: Partial<AccountHolder> | string | null | undefined
    payment_method_id: string | null
    card?: CardDetails | null
  }
): Promise<string | null> {
  const label = (card?: CardDetails | null) => (card?.last4 ? `${card.brand ?? "card"} •••• ${card.last4}` : null)
  if (input.card?.last4 || !input.payment_method_id || !input.holder) {
    return label(input.card)
  }
  try {
    let holder = typeof input.holder === "string" ? { id: input.holder } : input.holder
    if (!holder.data?.id && holder.id) {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "account_holder",
        fields: ["id", "provider_id", "external_id", "data"],
        filters: { id: holder.id },
      })
      holder = (data[0] as AccountHolder | undefined) ?? holder
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const methods = await payments.listPaymentMethods({ provider_id: input.provider_id, context: { account_holder: holder as never } })
    const method = methods.find((m) => m.id === input.payment_method_id)
    return label((method?.data as { card?: CardDetails } | null | undefined)?.card)
  } catch {
    return null
  }
}
