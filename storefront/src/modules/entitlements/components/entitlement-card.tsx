import Link from "next/link"
import { downloadPath, entitlementTitle, formatSize, type Entitlement } from "@lib/util/entitlements"
import { formatDay } from "@lib/util/subscriptions"
import LicenseKeyCard from "./license-key-card"

/**
 * One purchase in "Files & keys": the service (and its option), the order it
 * was bought with, when, until when access lasts; its files (newest version
 * of each, with "Download") and its license keys. When the client is not
 * entitled now (unpaid, refunded, canceled, subscription ended), says so
 * instead of offering the files. `showOrder`: link the order (not on the
 * order's own page).
 */
export default function EntitlementCard({ entitlement: e, showOrder = true }: { entitlement: Entitlement; showOrder?: boolean }) {
  const title = entitlementTitle(e)
  const headingId = `entitlement-${e.line_item_id}`
  return (
    <article
      className="card overflow-hidden"
      aria-labelledby={headingId}
      data-testid="entitlement"
      data-line-item={e.line_item_id}
      data-entitled={e.entitled ? "true" : "false"}
    >
      <header className="flex flex-col gap-1 border-b border-line p-5">
        <h3 id={headingId} className="text-lg font-semibold" data-testid="entitlement-title">
          {title}
        </h3>
        <p className="text-sm text-ink-soft" data-testid="entitlement-meta">
          {showOrder && e.order_display_id != null ? (
            <>
              <Link href={`/portal/orders/${encodeURIComponent(e.order_id)}`} className="font-medium text-brand underline" data-testid="entitlement-order">
                Order #{e.order_display_id}
              </Link>
              {" · "}
            </>
          ) : null}
          Purchased {formatDay(e.purchased_at)}
          {e.access_until ? (
            <>
              {" · "}
              <span className="font-medium text-ink" data-testid="entitlement-access-until">
                Access until {formatDay(e.access_until)}
              </span>
            </>
          ) : null}
        </p>
        {!e.entitled ? (
          <p
            className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
            data-testid="entitlement-not-entitled"
          >
            The files of this purchase are not available for download right now: it is not paid yet, was refunded or canceled, or its
            subscription has ended. Contact us if you think this is a mistake.
          </p>
        ) : null}
      </header>

      {e.files.length ? (
        <section className="border-b border-line last:border-b-0" aria-label={`Files of ${title}`}>
          <h4 className="px-5 pt-4 text-sm font-semibold">Files</h4>
          <ul className="divide-y divide-line" data-testid="entitlement-files">
            {e.files.map((f) => (
              <li
                key={f.id}
                className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                data-testid="entitlement-file"
                data-id={f.id}
                data-version={f.version}
              >
                <div className="min-w-0">
                  <p className="break-words font-medium" data-testid="file-title">
                    {f.title}
                  </p>
                  <p className="text-sm text-ink-soft">
                    <span data-testid="file-version">Version {f.version}</span>
                    {" · "}
                    <span className="break-all">{f.filename}</span>
                    {" · "}
                    <span data-testid="file-size">{formatSize(f.size)}</span>
                    {" · "}
                    <span data-testid="file-updated">Updated {formatDay(f.updated_at)}</span>
                  </p>
                </div>
                {e.entitled ? (
                  <a href={downloadPath(f.id)} className="btn-primary shrink-0" data-testid="file-download" rel="nofollow">
                    Download<span className="sr-only"> {f.title}</span>
                  </a>
                ) : (
                  <span className="text-sm text-ink-soft" data-testid="file-unavailable">
                    Not available
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {e.license_keys.length ? (
        <section aria-label={`License keys of ${title}`}>
          <h4 className="px-5 pt-4 text-sm font-semibold">{e.license_keys.length === 1 ? "License key" : "License keys"}</h4>
          <ul className="divide-y divide-line" data-testid="entitlement-license-keys">
            {e.license_keys.map((k, index) => (
              <LicenseKeyCard
                key={k.id}
                licenseKey={k}
                label={e.license_keys.length === 1 ? `license key of ${title}` : `license key ${index + 1} of ${title}`}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
