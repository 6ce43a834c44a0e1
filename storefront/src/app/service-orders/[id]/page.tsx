import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getAuthToken } from "@lib/cookies"
import { retrieveServiceOrder } from "@lib/data/service-orders"
import { serviceOrderTitle } from "@lib/util/intake"
import ServiceOrderTemplate from "@modules/service-orders/templates/service-order-template"

type Props = {
  params: Promise<{ id: string }>
  searchParams: Promise<{ submitted?: string; notice?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const so = await retrieveServiceOrder((await params).id).catch(() => undefined)
  return { title: so ? serviceOrderTitle(so) : "Service order", robots: { index: false } }
}

/**
 * A service order and its brief (intake form), for the client who bought it:
 * reached from the confirmation page, the account, or an email link. A guest's
 * is reached by its id; a signed-in client's only by that client (the backend
 * answers "not found" to anyone else).
 */
export default async function ServiceOrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams])
  const [serviceOrder, token] = await Promise.all([retrieveServiceOrder(id), getAuthToken()])
  if (!serviceOrder) {
    notFound()
  }
  return (
    <ServiceOrderTemplate
      serviceOrder={serviceOrder}
      signedIn={!!token}
      submitted={query.submitted === "1"}
      notice={query.notice}
    />
  )
}
