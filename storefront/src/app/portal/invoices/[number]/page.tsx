import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { retrieveInvoice } from "@lib/data/invoices"
import PortalShell from "@modules/portal/components/portal-shell"
import InvoiceTemplate from "@modules/portal/templates/invoice-template"

type Props = { params: Promise<{ number: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Invoice ${(await params).number}`, robots: { index: false } }
}

/** One of the client's invoices (a deep link: through the login page and back); anyone else's is "not found". */
export default async function PortalInvoicePage({ params }: Props) {
  const number = (await params).number
  const customer = await requireCustomer(`/portal/invoices/${encodeURIComponent(number)}`)
  const invoice = await retrieveInvoice(number)
  if (!invoice) {
    notFound()
  }
  return (
    <PortalShell
      customer={customer}
      current="invoices"
      title="Invoices"
      back={
        <Link href="/portal/invoices" className="mb-2 inline-block text-sm text-ink-faint hover:text-ink">
          ← All invoices
        </Link>
      }
    >
      <InvoiceTemplate invoice={invoice} />
    </PortalShell>
  )
}
