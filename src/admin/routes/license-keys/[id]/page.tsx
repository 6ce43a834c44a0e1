import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Badge, Container, Copy, Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import { PagePending } from "../../../components/common/query-state"
import { LicenseKeyActions } from "../../../components/license-keys/license-key-actions"
import { LicenseKeyStatusBadge } from "../../../components/license-keys/license-key-status"
import {
  activationsLabel,
  disabledReasonLabel,
  expiresLabel,
  keyServiceLabel,
  useLicenseKey,
  type LicenseKeyView,
} from "../../../lib/entitlements"
import { formatDateTime } from "../../../lib/format"

const linkClass = "txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"

/**
 * Admin page of one license key: the key (with a copy button), its status
 * and why it is disabled, activations used of the limit, expiry, the
 * merchant's controls, every instance (activations, active and deactivated,
 * with their dates), and links to the order, the customer, the service, the
 * service order and the subscription it follows.
 */
const LicenseKeyDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useLicenseKey(id)
  const key = data?.license_key

  if (error || isLoading || !key) {
    return <PagePending error={error} />
  }

  const active = key.instances.filter((i) => !i.deactivated_at)
  const reason = disabledReasonLabel(key)

  return (
    <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="license-key-detail">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-start justify-between gap-x-4 px-6 py-4">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-x-2">
                <Heading level="h1" className="break-all font-mono" data-testid="license-key-heading">
                  {key.key}
                </Heading>
                <Copy content={key.key} data-testid="license-key-detail-copy" aria-label="Copy key" />
                <LicenseKeyStatusBadge status={key.status} size="small" testId="license-key-detail-status" />
              </div>
              <Text size="small" className="text-ui-fg-subtle" data-testid="license-key-subtitle">
                {[keyServiceLabel(key), key.email, `issued ${formatDateTime(key.created_at)}`].filter(Boolean).join(" · ")}
              </Text>
            </div>
            <LicenseKeyActions licenseKey={key} variant="buttons" />
          </div>
          {reason && (
            <Text size="small" className="text-ui-fg-subtle bg-ui-bg-subtle px-6 py-3" data-testid="license-key-notice">
              {reason} The license API answers that the key is disabled until you enable it.
            </Text>
          )}
          <dl className="grid grid-cols-1 gap-x-6 gap-y-4 px-6 py-4 sm:grid-cols-3" data-testid="license-key-facts">
            <Fact label="Activations" value={activationsLabel(key)} testId="license-key-fact-activations" />
            <Fact
              label="Activation limit"
              value={key.activation_limit == null ? "Unlimited" : String(key.activation_limit)}
              testId="license-key-fact-limit"
            />
            <Fact label="Expires" value={expiresLabel(key)} testId="license-key-fact-expires" />
          </dl>
        </Container>

        <Instances licenseKey={key} activeCount={active.length} />
      </div>

      <div className="flex w-full flex-col gap-y-3 xl:max-w-[360px]">
        <Container className="divide-y p-0" data-testid="license-key-links">
          <Row label="Customer">
            {key.customer_id ? (
              <Link to={`/customers/${key.customer_id}`} className={linkClass} data-testid="license-key-customer-link">
                {key.email ?? "View customer"}
              </Link>
            ) : (
              <Text size="small">{key.email ? `${key.email} (guest)` : "—"}</Text>
            )}
          </Row>
          <Row label="Order">
            <Link to={`/orders/${key.order_id}`} className={linkClass} data-testid="license-key-order-link">
              {key.order_display_id != null ? `#${key.order_display_id}` : "View order"}
              <ArrowUpRightOnBox />
            </Link>
          </Row>
          <Row label="Service">
            {key.product_id ? (
              <Link to={`/products/${key.product_id}`} className={linkClass} data-testid="license-key-product-link">
                {keyServiceLabel(key)}
                <ArrowUpRightOnBox />
              </Link>
            ) : (
              <Text size="small">{keyServiceLabel(key)}</Text>
            )}
          </Row>
          {key.service_order_id && (
            <Row label="Service order">
              <Link to={`/service-orders/${key.service_order_id}`} className={linkClass} data-testid="license-key-service-order-link">
                View service order
                <ArrowUpRightOnBox />
              </Link>
            </Row>
          )}
          {key.subscription_id && (
            <Row label="Subscription">
              <Link to={`/subscriptions/${key.subscription_id}`} className={linkClass} data-testid="license-key-subscription-link">
                View subscription
                <ArrowUpRightOnBox />
              </Link>
            </Row>
          )}
        </Container>
      </div>
    </div>
  )
}

/** The key's instances (installations), active ones first, with when each was activated and deactivated. */
const Instances = ({ licenseKey: key, activeCount }: { licenseKey: LicenseKeyView; activeCount: number }) => {
  const instances = [...key.instances].sort(
    (a, b) =>
      Number(!!a.deactivated_at) - Number(!!b.deactivated_at) || new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
  )
  return (
    <Container className="divide-y p-0" data-testid="license-key-instances">
      <div className="px-6 py-4">
        <Heading level="h2">Activations</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each installation of your software that activated the key. {activeCount} active
          {key.activation_limit != null ? ` of ${key.activation_limit} allowed` : ", no limit"}.
        </Text>
      </div>
      {instances.length ? (
        <div className="overflow-x-auto">
          <Table data-testid="license-instance-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Instance</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Activated</Table.HeaderCell>
                <Table.HeaderCell>Deactivated</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {instances.map((i) => (
                <Table.Row key={i.id} data-testid="license-instance-row" data-id={i.id}>
                  <Table.Cell>
                    <div className="flex flex-col py-1">
                      <span className="txt-compact-small-plus" data-testid="license-instance-name">
                        {i.name}
                      </span>
                      <span className="text-ui-fg-subtle txt-compact-xsmall font-mono">{i.id}</span>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {i.deactivated_at ? (
                      <Badge size="2xsmall" color="grey" data-testid="license-instance-status">
                        Deactivated
                      </Badge>
                    ) : (
                      <Badge size="2xsmall" color="green" data-testid="license-instance-status">
                        Active
                      </Badge>
                    )}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDateTime(i.created_at)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDateTime(i.deactivated_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="license-instances-empty">
          Not activated yet.
        </Text>
      )}
    </Container>
  )
}

const Fact = ({ label, value, testId }: { label: string; value: ReactNode; testId: string }) => (
  <div className="flex flex-col gap-y-0.5">
    <dt className="txt-compact-xsmall-plus text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-small" data-testid={testId}>
      {value}
    </dd>
  </div>
)

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4">
    <Text size="small" weight="plus">
      {label}
    </Text>
    <div className="min-w-0 truncate">{children}</div>
  </div>
)

/** Breadcrumb of the license-key page. */
export const handle = {
  breadcrumb: () => "License key",
}

export default LicenseKeyDetailPage
