import { Button, Input, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { portico } from "../../lib/api"
import { porticoKeys } from "../../lib/query-keys"

/** The customer-portal link (`GET /admin/portico/portal`), loaded once per admin session. */
export function usePortalUrl() {
  return useQuery({ queryKey: porticoKeys.portal, queryFn: () => portico.admin.portal.retrieve(), staleTime: Infinity })
}

/** Copies `text` to the clipboard and says so. */
export async function copyText(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text)
    toast.success(`${what} copied`)
  } catch {
    toast.error("Your browser did not allow copying: select the link and copy it yourself.")
  }
}

/** A read-only link with "Copy" and "Open" buttons. */
export function CopyableLink({ url, testId }: { url: string; testId: string }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <Input readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="w-full" data-testid={testId} />
      </div>
      <div className="flex shrink-0 gap-2">
        <Button size="small" variant="secondary" onClick={() => copyText(url, "Link")}>
          Copy link
        </Button>
        <Button size="small" variant="transparent" asChild>
          <a href={url} target="_blank" rel="noreferrer">
            Open
          </a>
        </Button>
      </div>
    </div>
  )
}

/** Explains what a client finds behind the link. */
export function PortalExplainer() {
  return (
    <Text size="small" className="text-ui-fg-subtle">
      Clients enter their email and receive a login link (no password). There they find their purchases and invoices
      (with PDFs), service orders and intake forms, and account credit. Add this link to your website; the payment
      confirmation email already includes it (the <code>{"{{portal_url}}"}</code> variable).
    </Text>
  )
}
