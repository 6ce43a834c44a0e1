import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { customerAccountHolder } from "../account-holder"

/** Medusa's Stripe provider as Portico's demo registers it. */
export const DEFAULT_CARD_PROVIDER = "pp_stripe_stripe"
const STRIPE = /^pp_stripe(-[a-z0-9]+)?_/

/** A subscription the caller may change (theirs, when `customer_id` is given), not canceled or ended. */
export async function ownedLiveSubscription(
  subscriptions: SubscriptionModuleService,
  id: string,
  customerId?: string | null
) {
  const [sub] = await subscriptions.listSubscriptions({ id }, { take: 1 })
  if (!sub || (customerId !== undefined && customerId !== null && sub.customer_id !== customerId)) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Subscription ${id} was not found.`)
  }
  if (sub.status === "canceled" || sub.status === "ended") {
    throw new PorticoError(
      MedusaError.Types.NOT_ALLOWED,
      PorticoErrorCode.INVALID_SUBSCRIPTION_TRANSITION,
      `Subscription ${id} is ${sub.status}.`
    )
  }
  if (!sub.customer_id) {
    throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.GUEST_CUSTOMER, "The subscription has no customer.")
  }
  return sub
}

function cardProvider(subProvider: string | null | undefined) {
  return subProvider && STRIPE.test(subProvider) ? subProvider : DEFAULT_CARD_PROVIDER
}

export const setupSubscriptionCardStepId = "portico-setup-subscription-card-step"

/**
 * Starts saving a new card for a subscription: a Stripe SetupIntent (Medusa's
 * payment module, `savePaymentMethod`) on the client's Stripe customer
 * (created when missing), for off-session use. The browser confirms its
 * `client_secret` with Stripe.js; nothing changes on the subscription until
 * `setSubscriptionPaymentMethodStep`. Another client's subscription is a 404.
 */
export const setupSubscriptionCardStep = createStep(
  setupSubscriptionCardStepId,
  async (input: { subscription_id: string; customer_id?: string | null }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const sub = await ownedLiveSubscription(subscriptions, input.subscription_id, input.customer_id)
    const provider = cardProvider(sub.payment_provider_id)
    const holder = await customerAccountHolder(container, sub.customer_id as string, provider)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const saved = await payments.createPaymentMethods({
      provider_id: provider,
      data: { usage: "off_session", metadata: { portico_subscription_id: sub.id } },
      context: { account_holder: holder as never },
    })
    const data = (saved.data ?? {}) as { client_secret?: string }
    return new StepResponse({ id: saved.id, client_secret: data.client_secret as string, provider_id: provider })
  }
)

export const setSubscriptionPaymentMethodStepId = "portico-set-subscription-payment-method-step"

/**
 * Makes a card the subscription's payment method for renewals, after the
 * browser confirmed its SetupIntent: the card must be one Stripe keeps on
 * the client's own Stripe customer (listed through the payment module), so
 * nobody can attach another customer's card. A card that is not there is
 * 400 `invalid_payment_method` on `payment_method_id`.
 */
export const setSubscriptionPaymentMethodStep = createStep(
  setSubscriptionPaymentMethodStepId,
  async (
    input: {
      subscription_id: string
      customer_id?: string | null
      payment_method_id: string
      actor_type: "customer" | "user"
      actor_id?: string | null
    },
    { container }
  ) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const sub = await ownedLiveSubscription(subscriptions, input.subscription_id, input.customer_id)
    const provider = cardProvider(sub.payment_provider_id)
    const holder = await customerAccountHolder(container, sub.customer_id as string, provider)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const methods = await payments.listPaymentMethods({ provider_id: provider, context: { account_holder: holder as never } })
    const method = methods.find((m) => m.id === input.payment_method_id)
    if (!method) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.INVALID_PAYMENT_METHOD,
        "This card is not saved for your account: confirm it first.",
        { field: "payment_method_id" }
      )
    }
    const card = (method.data as { card?: { brand?: string; last4?: string } } | null)?.card
    const before = {
      payment_provider_id: sub.payment_provider_id,
      payment_method_id: sub.payment_method_id,
      payment_account_holder_id: sub.payment_account_holder_id,
      payment_method_label: sub.payment_method_label,
    }
    await subscriptions.setPaymentMethod(sub.id, {
      actor_type: input.actor_type,
      actor_id: input.actor_id ?? null,
      payment_provider_id: provider,
      payment_method_id: method.id,
      payment_account_holder_id: holder.id,
      payment_method_label: card?.last4 ? `${card.brand ?? "card"} •••• ${card.last4}` : null,
    })
    return new StepResponse({ id: sub.id }, { id: sub.id, before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE).updateSubscriptions({ id: undo.id, ...undo.before })
  }
)
