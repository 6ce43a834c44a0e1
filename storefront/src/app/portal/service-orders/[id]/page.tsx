import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { getAuthToken } from "@lib/cookies"
import { retrieveCustomer } from "@lib/data/customer"
import { retrieveServiceOrder } from "@lib/data/service-orders"
import { serviceOrderTitle } from "@lib/util/intake"
import { loginHref } from "@lib/util/portal"
import PortalNav from "@modules/portal/components/portal-nav"
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
 * A service order, its status, history and brief (the intake form while
 * pending), for the client who bought it: reached from the portal, an email
 * link (through the login page when not signed in) or, for the browser that
 * just placed a guest order, from its confirmation page (with that order's
 * access token). Anyone else: "not found".
 */
export default async function ServiceOrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams])
  const [serviceOrder, token] = await Promise.all([retrieveServiceOrder(id), getAuthToken()])
  if (!serviceOrder) {
    // Not signed in (or the session ran out): through the login page and back.
    if (!(await retrieveCustomer())) {
      redirect(loginHref(`/portal/service-orders/${encodeURIComponent(id)}`))
    }
    notFound()
  }
  return (
    <ServiceOrderTemplate
      serviceOrder={serviceOrder}
      signedIn={!!token}
      submitted={query.submitted === "1"}
      notice={query.notice}
      nav={token ? <PortalNav current="service-orders" className="-mt-4 mb-6" /> : undefined}
    />
  )
}
