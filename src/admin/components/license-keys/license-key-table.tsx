import { Copy, Table } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { activationsLabel, expiresLabel, keyServiceLabel, type LicenseKeyView } from "../../lib/entitlements"
import { LicenseKeyActions } from "./license-key-actions"
import { LicenseKeyStatusBadge } from "./license-key-status"

/**
 * License keys as table rows that open the key: the key (monospace, with a
 * copy button), status, activations used of the limit, expiry, service and
 * the client's email (`full`: the list page); without `full` (the narrower
 * order and customer widgets) the service is a line under the key. Each row
 * has a "…" menu with the merchant's changes (disable / enable, reset
 * activations, change the limit).
 */
export const LicenseKeyTable = ({
  licenseKeys,
  full = false,
  testId = "license-key-table",
}: {
  licenseKeys: LicenseKeyView[]
  full?: boolean
  testId?: string
}) => {
  const navigate = useNavigate()
  return (
    <div className="overflow-x-auto">
      <Table data-testid={testId}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Key</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Activations</Table.HeaderCell>
            <Table.HeaderCell>Expires</Table.HeaderCell>
            {full && <Table.HeaderCell>Service</Table.HeaderCell>}
            {full && <Table.HeaderCell>Customer</Table.HeaderCell>}
            <Table.HeaderCell className="w-10" />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {licenseKeys.map((k) => (
            <Table.Row
              key={k.id}
              className="cursor-pointer"
              data-testid="license-key-row"
              data-id={k.id}
              data-status={k.status}
              onClick={() => navigate(`/license-keys/${k.id}`)}
            >
              <Table.Cell>
                <div className="flex flex-col py-1">
                  <div className="flex items-center gap-x-1 whitespace-nowrap">
                    <span className="txt-compact-small font-mono" data-testid="license-key-key">
                      {k.key}
                    </span>
                    {/* Copying never opens the key. */}
                    <span onClick={(e) => e.stopPropagation()}>
                      <Copy content={k.key} className="text-ui-fg-muted" data-testid="license-key-copy" aria-label="Copy key" />
                    </span>
                  </div>
                  {!full && (
                    <span className="text-ui-fg-subtle txt-compact-xsmall" data-testid="license-key-service">
                      {keyServiceLabel(k)}
                    </span>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">
                <LicenseKeyStatusBadge status={k.status} />
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap tabular-nums" data-testid="license-key-activations">
                {activationsLabel(k)}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap" data-testid="license-key-expires">
                {expiresLabel(k)}
              </Table.Cell>
              {full && (
                <Table.Cell>
                  <span className="txt-compact-small" data-testid="license-key-service">
                    {keyServiceLabel(k)}
                  </span>
                </Table.Cell>
              )}
              {full && (
                <Table.Cell data-testid="license-key-email">{k.email ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
              )}
              <Table.Cell>
                <LicenseKeyActions licenseKey={k} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
