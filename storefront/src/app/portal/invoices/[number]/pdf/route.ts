import { redirect } from "next/navigation"
import { streamDownload } from "@lib/backend"
import { getAuthToken } from "@lib/cookies"
import { fetchInvoicePdf } from "@lib/data/invoices"
import { loginHref } from "@lib/util/portal"

type Context = { params: Promise<{ number: string }> }

/**
 * `GET /portal/invoices/:number/pdf`: the invoice as a PDF, streamed from
 * the store API with the client's token (a browser link cannot send it), as
 * a download named `<number>.pdf`. Not signed in: the login page, which
 * comes back to the invoice. Another client's invoice: "not found".
 */
export async function GET(_request: Request, { params }: Context) {
  const number = (await params).number
  if (!(await getAuthToken())) {
    redirect(loginHref(`/portal/invoices/${encodeURIComponent(number)}`))
  }
  return streamDownload(() => fetchInvoicePdf(number), "Invoice not found.")
}
