import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Key, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { CustomerFilter } from "../../components/common/customer-filter"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { ProductFilter } from "../../components/common/product-filter"
import { QueryState } from "../../components/common/query-state"
import { LicenseKeyStatusFilter } from "../../components/license-keys/license-key-status"
import { LicenseKeyTable } from "../../components/license-keys/license-key-table"
import { LICENSE_KEY_STATUSES, useLicenseKeys, type LicenseKeyStatus } from "../../lib/entitlements"
import { useOrderNumbers } from "../../lib/subscriptions"
import { useDebounced } from "../../lib/use-debounced"

const PAGE_SIZE = 20

/**
 * Admin page "License keys": every key, newest first, filtered by status,
 * service, customer, order (from the order widget's link) and a search on
 * part of the key or the client's email. The filters live in the URL, so
 * going back from a key keeps them; 20 per page. A row opens the key; its
 * "…" menu disables / enables it, resets its activations or changes its limit.
 */
const LicenseKeysPage = () => {
  const [params, setParams] = useSearchParams()
  const statusParam = params.get("status")
  const status = LICENSE_KEY_STATUSES.includes(statusParam as LicenseKeyStatus) ? (statusParam as LicenseKeyStatus) : undefined
  const productId = params.get("product_id") ?? undefined
  const customerId = params.get("customer_id") ?? undefined
  const orderId = params.get("order_id") ?? undefined
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const orders = useOrderNumbers(orderId ? [orderId] : [])

  /** Changes filters (and goes back to the first page unless `offset` is given). */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    if (!("offset" in changes)) next.delete("offset")
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }

  // The search box types freely; the URL (and the query) follow once typing stops.
  const [search, setSearch] = useState(q)
  const debounced = useDebounced(search.trim())
  useEffect(() => {
    if (debounced !== q) update({ q: debounced || undefined })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced])

  const { data, isLoading, error } = useLicenseKeys({
    status,
    product_id: productId,
    customer_id: customerId,
    order_id: orderId,
    q: q || undefined,
    limit: PAGE_SIZE,
    offset,
  })
  const filtered = !!(status || productId || customerId || orderId || q)
  const orderNumber = orderId ? orders.data?.get(orderId) : undefined

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">License keys</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One key per purchased unit of a service with license keys, issued once paid. Your software activates and
            validates them through the license API.
          </Text>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="license-key-filters">
        <div className="w-[240px]">
          <Input
            size="small"
            type="search"
            placeholder="Search key or email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="license-key-search"
          />
        </div>
        <LicenseKeyStatusFilter value={status} onChange={(s) => update({ status: s })} />
        <ProductFilter value={productId} onChange={(id) => update({ product_id: id })} testId="license-key-product-filter" />
        <CustomerFilter value={customerId} onChange={(id) => update({ customer_id: id })} />
        {orderId && (
          <div className="flex items-center gap-x-1" data-testid="license-key-order-filter">
            <Badge size="small" color="grey">
              Order {orderNumber != null ? `#${orderNumber}` : orderId}
            </Badge>
            <IconButton size="small" variant="transparent" aria-label="Clear order filter" onClick={() => update({ order_id: undefined })}>
              <XMarkMini />
            </IconButton>
          </div>
        )}
        {filtered && (
          <Button
            size="small"
            variant="transparent"
            onClick={() => {
              setSearch("")
              setParams(new URLSearchParams(), { replace: true })
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={
          !data?.license_keys.length &&
          (filtered
            ? "No license keys match these filters."
            : "No license keys yet: turn on license keys in a service's settings; a key is issued for each unit once paid.")
        }
        emptyTestId="license-keys-empty"
      >
        {(data) => (
          <>
            <LicenseKeyTable licenseKeys={data.license_keys} full />
            <OffsetPagination
              count={data.count}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </>
        )}
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "License keys",
  icon: Key,
})

export default LicenseKeysPage
