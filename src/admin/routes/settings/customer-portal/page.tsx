import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading } from "@medusajs/ui"
import { QueryState } from "../../../components/common/query-state"
import { CopyableLink, PortalExplainer, usePortalUrl } from "../../../components/portal/portal-link"

/**
 * Settings page "Customer portal": the link of the clients' portal, to open,
 * copy and share (the seed's "Settings → Customer portal").
 */
const CustomerPortalSettingsPage = () => {
  const { data, error, isLoading } = usePortalUrl()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Customer portal</Heading>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <PortalExplainer />
        <QueryState data={data} error={error} loading={isLoading} className="">
          {(d) => <CopyableLink url={d.portal.url} testId="portal-url" />}
        </QueryState>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Customer portal" })

export default CustomerPortalSettingsPage
