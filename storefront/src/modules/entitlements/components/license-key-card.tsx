import { Fragment } from "react"
import { activationsText, activeInstances, disabledReason, type LicenseKey } from "@lib/util/entitlements"
import { formatDay } from "@lib/util/subscriptions"
import CopyButton from "./copy-button"
import DeactivateButton from "./deactivate-button"
import LicenseKeyStatus from "./license-key-status"

/**
 * One license key: the key in monospace with "Copy", its status, how many
 * activations it has of how many, when it expires, and the installations
 * it is active on, each with "Deactivate" to free its slot.
 */
export default function LicenseKeyCard({ licenseKey: k, label }: { licenseKey: LicenseKey; label: string }) {
  const instances = activeInstances(k)
  const usable = k.status === "active" || k.status === "inactive"
  return (
    <li className="flex flex-col gap-3 px-5 py-4" data-testid="license-key" data-id={k.id} data-status={k.status}>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 select-all break-words rounded-md bg-gray-50 px-2 py-1 font-mono text-sm tracking-wide text-ink ring-1 ring-inset ring-line"
          data-testid="license-key-value"
        >
          {/* Breaks a long key between its groups on a narrow screen; the text (and a copy) stays the key. */}
          {k.key.split("-").map((group, i) => (
            <Fragment key={i}>
              {i ? (
                <>
                  -<wbr />
                </>
              ) : null}
              {group}
            </Fragment>
          ))}
        </code>
        <CopyButton text={k.key} label={label} testId="copy-license-key" />
        <LicenseKeyStatus status={k.status} />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-ink-soft">Activations</dt>
          <dd className="font-medium tabular-nums" data-testid="license-key-activations">
            {activationsText(k)}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-ink-soft">{k.expires_at && k.status === "expired" ? "Expired" : "Expires"}</dt>
          <dd className="font-medium" data-testid="license-key-expires">
            {k.expires_at ? formatDay(k.expires_at) : "Never"}
          </dd>
        </div>
      </dl>
      {k.status === "disabled" ? (
        <p className="text-sm text-red-800" data-testid="license-key-disabled">
          {disabledReason(k.disabled_reason)}
        </p>
      ) : null}
      {instances.length ? (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-faint">Activated on</h4>
          <ul className="mt-2 divide-y divide-line rounded-lg border border-line" data-testid="license-instances">
            {instances.map((i) => (
              <li
                key={i.id}
                className="flex flex-col gap-2 px-3 py-2 text-sm sm:flex-row sm:items-center sm:justify-between"
                data-testid="license-instance"
                data-id={i.id}
              >
                <div className="min-w-0">
                  <p className="break-words font-medium" data-testid="license-instance-name">
                    {i.name}
                  </p>
                  <p className="text-xs text-ink-soft" data-testid="license-instance-date">
                    Activated {formatDay(i.created_at)}
                  </p>
                </div>
                <DeactivateButton keyId={k.id} instanceId={i.id} name={i.name} />
              </li>
            ))}
          </ul>
        </div>
      ) : usable ? (
        <p className="text-sm text-ink-soft" data-testid="license-no-instances">
          Not activated anywhere yet: enter the key in the software to activate it.
        </p>
      ) : null}
    </li>
  )
}
