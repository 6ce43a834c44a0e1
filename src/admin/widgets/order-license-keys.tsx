import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { OffsetPagination } from "../components/common/offset-pagination"
import { LicenseKeyTable } from "../components/license-keys/license-key-table"
import { useLicenseKeys } from "../lib/entitlements"

const PAGE_SIZE = 20

/**
 * Order widget "License keys" (order details, main column): the keys this
 * order issued (one per purchased unit of a service with keys), with the
 * merchant's controls. Shown only for an order that has keys.
 */
const OrderLicenseKeysWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [offset, setOffset] = useState(0)
  const { data, error } = useLicenseKeys({ order_id: order.id, limit: PAGE_SIZE, offset })

  if (error) {
    return (
      <Container className="px-6 py-4" data-testid="order-license-keys">
        <Text size="small" className="text-ui-fg-error">
          License keys: {error.message}
        </Text>
      </Container>
    )
  }
  if (!data?.license_keys.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="order-license-keys">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">License keys</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Issued by this order once paid: one per unit of a service with license keys.
          </Text>
        </div>
        <Link
          to={`/license-keys?order_id=${encodeURIComponent(order.id)}`}
          className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover shrink-0"
        >
          Open in License keys
        </Link>
      </div>
      <LicenseKeyTable licenseKeys={data.license_keys} testId="order-license-key-table" />
      {data.count > PAGE_SIZE && (
        <OffsetPagination count={data.count} offset={offset} pageSize={PAGE_SIZE} onOffset={setOffset} />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderLicenseKeysWidget
