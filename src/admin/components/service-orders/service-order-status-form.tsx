import { Button, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import type { AdminServiceOrderStatusBody } from "../../../contracts/http"
import { fieldErrorsOf, portico, PorticoApiError } from "../../lib/api"
import { formatMoney } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import {
  nextStatuses,
  SERVICE_ORDER_STATUS,
  TRANSITION_HINT,
  type AdminServiceOrderDetail,
  type ServiceOrderStatus,
} from "../../lib/service-orders"
import { AmountInput, amountOf } from "../credit/credit"
import { FormField } from "../common/form-field"

const FORM_FIELDS = ["status", "note", "refund_amount"]
/** Refusals of a refund that name no field: shown on the amount. */
const REFUND_CODES = ["refund_exceeds_paid", "too_precise", "guest_customer"]

/**
 * "Change status" of a service order: the statuses the transition table
 * allows from the current one, a note kept in the history, and, when
 * canceling, an optional amount refunded to the client's account credit. The
 * server's refusals are shown on their field; the page is refreshed with the
 * service order the server answers.
 */
export const ServiceOrderStatusForm = ({ serviceOrder }: { serviceOrder: AdminServiceOrderDetail }) => {
  const queryClient = useQueryClient()
  const options = nextStatuses(serviceOrder.status, !!serviceOrder.intake_form_id)
  const [status, setStatus] = useState<ServiceOrderStatus | undefined>(undefined)
  const [note, setNote] = useState("")
  const [refund, setRefund] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const canceling = status === "canceled"
  const guest = !serviceOrder.customer_id
  const currency = serviceOrder.currency_code || serviceOrder.refund?.currency_code || "usd"

  const save = useMutation({
    mutationFn: () =>
      // The refund as typed when it is not a number: the server names the field.
      portico.admin.serviceOrders.setStatus(serviceOrder.id, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(canceling && refund.trim() ? { refund_amount: amountOf(refund) } : {}),
      } as AdminServiceOrderStatusBody),
    onSuccess: async ({ service_order }) => {
      setErrors({})
      setStatus(undefined)
      setNote("")
      setRefund("")
      queryClient.setQueryData(porticoKeys.serviceOrder(serviceOrder.id), { service_order })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.serviceOrders }),
        service_order.refund ? queryClient.invalidateQueries({ queryKey: porticoKeys.credit }) : undefined,
      ])
      const label = SERVICE_ORDER_STATUS[service_order.status]?.label ?? service_order.status
      toast.success(
        service_order.refund && service_order.status === "canceled"
          ? `Canceled; ${formatMoney(service_order.refund.amount, service_order.refund.currency_code)} refunded to account credit`
          : `Status changed to ${label}`
      )
    },
    onError: (error) => {
      const byField = fieldErrorsOf(error)
      if (error instanceof PorticoApiError && error.code && REFUND_CODES.includes(error.code) && !byField.refund_amount) {
        byField.refund_amount = error.message
      }
      setErrors(byField)
      if (!FORM_FIELDS.some((f) => byField[f])) {
        toast.error(error.message)
      }
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!status || save.isPending) {
      return
    }
    save.mutate()
  }

  if (!options.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="service-order-final">
        A canceled service order cannot change status any more.
      </Text>
    )
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" data-testid="service-order-status-form">
      <FormField
        id="service-order-next-status"
        label="New status"
        hint={status ? TRANSITION_HINT[status] : undefined}
        error={errors.status}
      >
        <Select value={status ?? ""} onValueChange={(v) => setStatus(v as ServiceOrderStatus)}>
          <Select.Trigger id="service-order-next-status" data-testid="service-order-next-status">
            <Select.Value placeholder="Choose…" />
          </Select.Trigger>
          <Select.Content>
            {options.map((s) => (
              <Select.Item key={s} value={s}>
                {s === "pending" ? "Pending (ask for intake again)" : s === "working" && serviceOrder.status === "complete" ? "Working (reopen)" : SERVICE_ORDER_STATUS[s].label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField
        id="service-order-note"
        label="Note"
        optional
        hint="Kept in the service order's history."
        error={errors.note}
      >
        <Textarea
          id="service-order-note"
          data-testid="service-order-note"
          rows={3}
          maxLength={2000}
          value={note}
          aria-invalid={!!errors.note || undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
      {canceling && (
        <FormField
          id="service-order-refund"
          label="Refund to account credit"
          optional
          hint={
            guest
              ? "A guest's order cannot be refunded to account credit: the client has no account."
              : "Credit the client spends on their next orders. Leave empty to refund nothing."
          }
          error={errors.refund_amount}
        >
          <AmountInput
            id="service-order-refund"
            currency={currency}
            value={refund}
            onChange={setRefund}
            invalid={!!errors.refund_amount}
            disabled={guest}
          />
        </FormField>
      )}
      <div className="flex items-center justify-end">
        <Button
          size="small"
          type="submit"
          variant={canceling ? "danger" : "primary"}
          disabled={!status}
          isLoading={save.isPending}
          data-testid="service-order-status-save"
        >
          {canceling ? "Cancel service order" : "Change status"}
        </Button>
      </div>
    </form>
  )
}
