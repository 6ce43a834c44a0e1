import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { portico, toastError } from "../../lib/api"
import { formatMoney } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import type { InvoiceDetail } from "../../lib/types"

type Action = "mark-paid" | "void"

/**
 * The merchant's actions on an open (unpaid) invoice, e.g. one waiting for a
 * bank transfer: "Mark as paid" captures the order's payment, after which the
 * invoice is paid and the post-payment work (service orders) runs; "Void
 * invoice" cancels the order. Both ask for confirmation first. Shown only
 * for an open invoice; a refusal (`invoice_not_open`, e.g. another merchant
 * got there first) is shown as a toast and the page is refreshed.
 */
export const InvoiceActions = ({ invoice }: { invoice: InvoiceDetail }) => {
  const prompt = usePrompt()
  const queryClient = useQueryClient()

  const run = useMutation({
    mutationFn: (action: Action) =>
      action === "mark-paid" ? portico.admin.invoices.markPaid(invoice.id) : portico.admin.invoices.void(invoice.id),
    onSuccess: ({ invoice: updated }, action) => {
      const label = updated.number ? `Invoice ${updated.number}` : "The invoice"
      toast.success(action === "mark-paid" ? `${label} marked as paid` : `${label} voided and its order canceled`)
    },
    onError: toastError,
    onSettled: () => {
      // Paying starts the service orders; voiding cancels the order: refresh what shows them.
      void queryClient.invalidateQueries({ queryKey: porticoKeys.invoices })
      void queryClient.invalidateQueries({ queryKey: porticoKeys.serviceOrders })
      void queryClient.invalidateQueries({ queryKey: porticoKeys.credit })
      void queryClient.invalidateQueries({ queryKey: ["orders"] })
    },
  })

  if (invoice.status !== "open") {
    return null
  }

  const name = invoice.number ? `invoice ${invoice.number}` : "this invoice"
  const amount = formatMoney(invoice.total, invoice.currency_code)

  const markPaid = async () => {
    const confirmed = await prompt({
      title: `Mark ${name} as paid?`,
      description: `Only do this once you have received ${amount} (e.g. the bank transfer arrived). The order's payment is captured, the invoice becomes paid and the client's service orders start.`,
      confirmText: "Mark as paid",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) {
      run.mutate("mark-paid")
    }
  }

  const voidInvoice = async () => {
    const confirmed = await prompt({
      title: `Void ${name}?`,
      description: `This cancels the order${invoice.order ? ` #${invoice.order.display_id}` : ""}: the client no longer owes ${amount} and no work starts. This cannot be undone.`,
      confirmText: "Void invoice",
      cancelText: "Cancel",
    })
    if (confirmed) {
      run.mutate("void")
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="invoice-actions">
      <Text size="small" className="text-ui-fg-subtle">
        Awaiting payment of {amount}. Mark it as paid once the money has arrived, or void it if it will not be paid.
      </Text>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button
          size="small"
          variant="secondary"
          onClick={voidInvoice}
          disabled={run.isPending}
          isLoading={run.isPending && run.variables === "void"}
          data-testid="invoice-void"
        >
          Void invoice
        </Button>
        <Button
          size="small"
          variant="primary"
          onClick={markPaid}
          disabled={run.isPending}
          isLoading={run.isPending && run.variables === "mark-paid"}
          data-testid="invoice-mark-paid"
        >
          Mark as paid
        </Button>
      </div>
    </div>
  )
}
