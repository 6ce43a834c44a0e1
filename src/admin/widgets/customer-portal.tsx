import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { copyText, usePortalUrl } from "../components/portal/portal-link"
import { isPorticoApiError, portico, toastError } from "../lib/api"

/**
 * Customer widget "Customer portal" (customer details, side column): send the
 * client a login link by email, or copy their portal link (the login form
 * opens with their email filled in).
 */
const CustomerPortalWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const portal = usePortalUrl()
  const send = useMutation({
    mutationFn: () => portico.admin.customers.sendLoginLink(customer.id),
    onSuccess: ({ email }) => toast.success(`Login link sent to ${email}`),
    onError: (e) =>
      isPorticoApiError(e) && e.code === "rate_limited"
        ? toast.error("Several links were sent to this email recently. Try again in a few minutes.")
        : toastError(e),
  })
  const link = portal.data && customer.email ? `${portal.data.portal.url}?email=${encodeURIComponent(customer.email)}` : null
  return (
    <Container className="divide-y p-0" data-testid="customer-portal">
      <div className="px-6 py-4">
        <Heading level="h2">Customer portal</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Purchases, invoices, service orders and credit, reached with a login link sent by email.
        </Text>
      </div>
      <div className="flex flex-wrap gap-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          isLoading={send.isPending}
          disabled={!customer.email}
          onClick={() => send.mutate()}
          data-testid="send-login-link"
        >
          Send login link
        </Button>
        <Button size="small" variant="transparent" disabled={!link} onClick={() => link && copyText(link, "Portal link")}>
          Copy portal link
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerPortalWidget
