import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listEntitlements } from "@lib/data/entitlements"
import { downloadErrorMessage } from "@lib/util/entitlements"
import { listPaging } from "@lib/util/portal"
import FormError from "@modules/common/components/form-error"
import Pagination from "@modules/common/components/pagination"
import EntitlementList from "@modules/entitlements/components/entitlement-list"
import PortalShell from "@modules/portal/components/portal-shell"

export const metadata: Metadata = { title: "Files & keys", robots: { index: false } }

type Props = { searchParams: Promise<{ page?: string; download_error?: string }> }

/**
 * "Files & keys": each purchase of a service with files or license keys,
 * newest first, with the latest version of its files to download and its
 * keys, their activations and "Deactivate"; why a download did not start,
 * when the download route sent the client back here.
 */
export default async function PortalDownloadsPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/downloads")
  const query = await searchParams
  const { page, limit, offset, href, pages: pagesOf } = listPaging(query.page, {}, 10)
  const { entitlements, count } = await listEntitlements({ limit, offset })
  const pages = pagesOf(count)
  const downloadError = downloadErrorMessage(query.download_error)
  if (page > pages) {
    redirect(`/portal/downloads${href(pages)}`)
  }
  return (
    <PortalShell customer={customer} current="downloads" title="Files & keys" titleTestId="downloads-title">
      <p className="mt-6 text-ink-soft">
        Downloads always give you the latest version of each file. Copy a license key into the software to activate it; deactivate an
        installation here to use the key on another machine.
      </p>
      {downloadError ? (
        <div className="mt-4" data-testid="download-error">
          <FormError message={downloadError} />
        </div>
      ) : null}
      <div className="mt-6">
        {entitlements.length ? (
          <EntitlementList entitlements={entitlements} />
        ) : (
          <p className="card p-6 text-ink-soft" data-testid="downloads-empty">
            No files or license keys yet: services with downloads or license keys show here once paid.{" "}
            <Link href="/services" className="font-semibold text-brand underline">
              Browse services
            </Link>
          </p>
        )}
        <Pagination page={page} pages={pages} href={href} />
      </div>
    </PortalShell>
  )
}
