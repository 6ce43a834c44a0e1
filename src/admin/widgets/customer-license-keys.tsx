import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { QueryState } from "../components/common/query-state"
import { LicenseKeyTable } from "../components/license-keys/license-key-table"
import { useLicenseKeys } from "../lib/entitlements"

const LIMIT = 10

/**
 * Customer widget "License keys" (customer details, main column): the
 * client's keys, newest first (the ten latest, with a link to all of them on
 * the License keys page), with the merchant's controls; a row opens the key.
 */
const CustomerLicenseKeysWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useLicenseKeys({ customer_id: customer.id, limit: LIMIT, offset: 0 })
  const more = (data?.count ?? 0) > LIMIT

  return (
    <Container className="divide-y p-0" data-testid="customer-license-keys">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">License keys</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Keys issued for the services this client bought.
          </Text>
        </div>
        {!!data?.count && (
          <Link
            to={`/license-keys?customer_id=${encodeURIComponent(customer.id)}`}
            className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover shrink-0"
            data-testid="customer-license-keys-all"
          >
            {more ? `View all ${data.count}` : "Open in License keys"}
          </Link>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={!data?.license_keys.length && "No license keys."}
        emptyTestId="customer-license-keys-empty"
      >
        {(data) => <LicenseKeyTable licenseKeys={data.license_keys} testId="customer-license-key-table" />}
      </QueryState>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerLicenseKeysWidget
