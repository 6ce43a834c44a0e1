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
