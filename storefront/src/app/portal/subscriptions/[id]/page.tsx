import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { retrieveSubscription } from "@lib/data/subscriptions"
import { paymentKeys } from "@lib/payment-keys"
import { subscriptionTitle } from "@lib/util/subscriptions"
import PortalShell from "@modules/portal/components/portal-shell"
import SubscriptionTemplate from "@modules/subscriptions/templates/subscription-template"

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subscription = await retrieveSubscription((await params).id).catch(() => undefined)
  return { title: subscription ? subscriptionTitle(subscription) : "Subscription", robots: { index: false } }
}

/**
 * One of the client's subscriptions with its renewals and controls (a deep
 * link: through the login page and back); anyone else's is "not found".
 * The card field (update the card, pay an unpaid renewal) is offered only
 * when the storefront has a Stripe key, as at checkout.
 */
export default async function PortalSubscriptionPage({ params }: Props) {
  const id = (await params).id
  const customer = await requireCustomer(`/portal/subscriptions/${encodeURIComponent(id)}`)
  const subscription = await retrieveSubscription(id)
  if (!subscription) {
    notFound()
  }
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return (
    <PortalShell
      customer={customer}
      current="subscriptions"
      title="Subscriptions"
      back={
        <Link href="/portal/subscriptions" className="mb-2 inline-block text-sm text-ink-faint hover:text-ink">
          ← All subscriptions
        </Link>
      }
    >
      <SubscriptionTemplate
        subscription={subscription}
        stripeKey={paymentKeys().stripeKey}
        holder={{ email: customer.email, ...(name ? { name } : {}) }}
      />
    </PortalShell>
  )
}
