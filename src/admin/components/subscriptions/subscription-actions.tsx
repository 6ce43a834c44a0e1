import { ArrowPath, ArrowUturnLeft, Calendar, EllipsisHorizontal, PauseSolid, PlaySolid, XCircle } from "@medusajs/icons"
import { Button, DatePicker, Drawer, DropdownMenu, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Fragment, useState, type FormEvent, type ReactNode } from "react"
import type { AdminSubscriptionChangeBody } from "../../../contracts/http"
import { fieldErrorsOf, isPorticoApiError, portico } from "../../lib/api"
import { formatDate, formatDateTime, formatMoney } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import {
  availableActions,
  openRenewal,
  paymentMethodLabel,
  periodRange,
  RENEWAL_STATUS,
  type AdminSubscription,
  type SubscriptionAction,
} from "../../lib/subscriptions"
import { FormField } from "../common/form-field"

/** The button or menu item of each change. */
const LABEL: Record<SubscriptionAction, string> = {
  resume: "Resume",
  retry_renewal: "Retry renewal now",
  undo_cancel: "Undo cancel",
  move_renewal: "Move next renewal",
  pause: "Pause",
  cancel_at_period_end: "Cancel at period end",
  cancel_now: "Cancel now",
}

const ICON: Record<SubscriptionAction, ReactNode> = {
  resume: <PlaySolid />,
  retry_renewal: <ArrowPath />,
  undo_cancel: <ArrowUturnLeft />,
  move_renewal: <Calendar />,
  pause: <PauseSolid />,
  cancel_at_period_end: <Calendar />,
  cancel_now: <XCircle />,
}

/** The changes shown as a button of their own, when they apply: what the subscription's state asks for. */
const PROMINENT: SubscriptionAction[] = ["resume", "retry_renewal", "undo_cancel"]
/** The changes asked for in a drawer (they take input); the others are confirmed in a prompt. */
type DrawerAction = "cancel_now" | "pause" | "move_renewal"

/**
 * Runs a change on the subscription: the page shows the subscription the
 * server answers; the lists, invoices (canceling voids unpaid renewals'
 * invoices, a retry may pay one) and credit (refunds, credit taken back)
 * are refreshed. After a refusal the subscription is fetched again.
 */
function useSubscriptionChange(subscription: AdminSubscription) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminSubscriptionChangeBody) => portico.admin.subscriptions.change(subscription.id, body),
    onSuccess: async (data) => {
      queryClient.setQueryData(porticoKeys.subscription(subscription.id), data)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.subscriptions }),
        queryClient.invalidateQueries({ queryKey: porticoKeys.invoices }),
        queryClient.invalidateQueries({ queryKey: porticoKeys.credit }),
      ])
    },
    // A refusal often means the page is stale (the client or the renewal job changed it): show the subscription as it is.
    onError: () => queryClient.invalidateQueries({ queryKey: porticoKeys.subscription(subscription.id) }),
  })
}

/**
 * The merchant's controls of a subscription, shown only when they make
 * sense for its status (see `availableActions`): the change the state asks
 * for (resume, retry the unpaid renewal, undo a cancel) as a button, the
 * others in the "Manage" menu. Pause, move the renewal and cancel now open a
 * drawer; the others ask for confirmation. A refusal is shown as a toast
 * (or on the drawer's field it names).
 */
export const SubscriptionActions = ({ subscription }: { subscription: AdminSubscription }) => {
  const prompt = usePrompt()
  const change = useSubscriptionChange(subscription)
  const [drawer, setDrawer] = useState<DrawerAction | null>(null)
  const actions = availableActions(subscription)
  if (!actions.length) {
    return null
  }
  const prominent = actions.filter((a) => PROMINENT.includes(a))
  const menu = actions.filter((a) => !PROMINENT.includes(a))
  const price = formatMoney(subscription.next_renewal_amount ?? subscription.unit_price, subscription.currency_code)
  const periodEnd = formatDate(subscription.current_period_end)

  /** Asks for confirmation, then runs the change and toasts `done` (or the server's refusal). */
  const confirmAndRun = async (
    body: AdminSubscriptionChangeBody,
    ask: { title: string; description: string; confirmText: string; danger?: boolean },
    done: (updated: AdminSubscription) => void
  ) => {
    const confirmed = await prompt({
      title: ask.title,
      description: ask.description,
      confirmText: ask.confirmText,
      cancelText: "Back",
      variant: ask.danger ? "danger" : "confirmation",
    })
    if (confirmed) {
      change.mutate(body, {
        onSuccess: ({ subscription: updated }) => done(updated),
        onError: (e) => toast.error(e.message),
      })
    }
  }

  const run = (action: SubscriptionAction) => {
    switch (action) {
      case "cancel_now":
      case "pause":
      case "move_renewal":
        setDrawer(action)
        return
      case "cancel_at_period_end":
        return confirmAndRun(
          { type: "cancel", at_period_end: true },
          {
            title: "Cancel at the end of the period?",
            description: `The subscription stays active until ${periodEnd}, then ends without another charge. You can undo this until then.`,
            confirmText: "Cancel at period end",
            danger: true,
          },
          () => toast.success(`The subscription will cancel on ${periodEnd}`)
        )
      case "undo_cancel":
        return confirmAndRun(
          { type: "undo_cancel" },
          {
            title: "Undo the cancel?",
            description: `The subscription renews as before: the next period is charged ${price} on ${periodEnd}.`,
            confirmText: "Undo cancel",
          },
          () => toast.success("Cancel undone: the subscription renews as before")
        )
      case "resume": {
        const ended = new Date(subscription.current_period_end) <= new Date()
        return confirmAndRun(
          { type: "resume" },
          {
            title: "Resume the subscription?",
            description: ended
              ? `The paid period ended on ${periodEnd}: a new period starts now and is charged at once (${price}); later periods follow from today.`
              : `Renewals start again: the next period is charged ${price} on ${periodEnd}, as before.`,
            confirmText: "Resume",
          },
          (updated) =>
            updated.status === "past_due"
              ? toast.warning("Resumed, but the new period's charge did not go through: see Renewals")
              : toast.success("Subscription resumed")
        )
      }
      case "retry_renewal": {
        const open = openRenewal(subscription)
        const amount = open ? formatMoney(open.amount - open.credit_amount, open.currency_code) : price
        const period = open ? ` for ${periodRange(open.period_start, open.period_end)}` : ""
        return confirmAndRun(
          { type: "retry_renewal" },
          {
            title: "Retry the renewal now?",
            description: subscription.payment_method_label
              ? `Charges ${amount}${period} to ${paymentMethodLabel(subscription)} at once (a new attempt).`
              : `Tries the renewal${period} again at once: account credit pays what it can; without a saved card the rest waits for the client to pay its invoice.`,
            confirmText: "Retry now",
          },
          (updated) => {
            const renewal = updated.renewals.find((r) => r.id === open?.id) ?? updated.renewals[0]
            if (renewal?.status === "paid") {
              toast.success("Renewal paid")
            } else {
              const status = renewal ? `: ${RENEWAL_STATUS[renewal.status].label.toLowerCase()}` : ""
              toast.warning(`Still unpaid${status}${renewal?.last_error_code ? ` (${renewal.last_error_code})` : ""}`)
            }
          }
        )
      }
    }
  }

  return (
    <div className="flex items-center gap-x-2" data-testid="subscription-actions">
      {prominent.map((action) => (
        <Button
          key={action}
          size="small"
          variant="secondary"
          onClick={() => run(action)}
          isLoading={change.isPending}
          data-testid={`subscription-action-${action}`}
        >
          {LABEL[action]}
        </Button>
      ))}
      {!!menu.length && (
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <Button size="small" variant="secondary" disabled={change.isPending} data-testid="subscription-manage">
              Manage
              <EllipsisHorizontal />
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="end">
            {menu.map((action) => (
              <Fragment key={action}>
                {action === "cancel_at_period_end" || (action === "cancel_now" && !menu.includes("cancel_at_period_end")) ? (
                  <DropdownMenu.Separator />
                ) : null}
                <DropdownMenu.Item
                  className="flex items-center gap-x-2"
                  onClick={() => run(action)}
                  data-testid={`subscription-action-${action}`}
                >
                  <span className="text-ui-fg-subtle">{ICON[action]}</span>
                  {LABEL[action]}
                </DropdownMenu.Item>
              </Fragment>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu>
      )}
      <Drawer open={!!drawer} onOpenChange={(open) => !open && setDrawer(null)}>
        <Drawer.Content data-testid="subscription-change-drawer">
          {drawer === "cancel_now" && <CancelNowForm subscription={subscription} onDone={() => setDrawer(null)} />}
          {drawer === "pause" && <PauseForm subscription={subscription} onDone={() => setDrawer(null)} />}
          {drawer === "move_renewal" && <MoveRenewalForm subscription={subscription} onDone={() => setDrawer(null)} />}
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

/**
 * A drawer's form for one change: the server's refusals naming one of
 * `fields` (in `errors[]`, or by a code of `codeFields`) are shown there, the
 * others as a toast.
 */
const ChangeForm = ({
  subscription,
  title,
  description,
  submitLabel,
  danger,
  fields = [],
  codeFields = {},
  body,
  success,
  onDone,
  children,
}: {
  subscription: AdminSubscription
  title: string
  description: string
  submitLabel: string
  danger?: boolean
  fields?: string[]
  /** Refusals that name no field in `errors[]`, by code, and the field they are about. */
  codeFields?: Record<string, string>
  /** The change to send, or null while the form is not complete. */
  body: AdminSubscriptionChangeBody | null
  success: (updated: AdminSubscription) => string
  onDone: () => void
  children: (errors: Record<string, string>) => ReactNode
}) => {
  const change = useSubscriptionChange(subscription)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!body || change.isPending) {
      return
    }
    change.mutate(body, {
      onSuccess: ({ subscription: updated }) => {
        setErrors({})
        toast.success(success(updated))
        onDone()
      },
      onError: (error) => {
        const byField = fieldErrorsOf(error)
        const about = isPorticoApiError(error) && error.code ? codeFields[error.code] : undefined
        if (about && !byField[about]) {
          byField[about] = error.message
        }
        setErrors(byField)
        if (!fields.some((f) => byField[f])) {
          toast.error(error.message)
        }
      },
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">{description}</Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">{children(errors)}</Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Back
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          variant={danger ? "danger" : "primary"}
          disabled={!body}
          isLoading={change.isPending}
          data-testid="subscription-change-submit"
        >
          {submitLabel}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

type FormProps = { subscription: AdminSubscription; onDone: () => void }

/** "Cancel now": ends the subscription at once, optionally refunding the unused part of the paid period to credit. */
const CancelNowForm = ({ subscription, onDone }: FormProps) => {
  const [refund, setRefund] = useState(false)
  const guest = !subscription.customer_id
  const paidUntil = formatDateTime(subscription.current_period_end)
  return (
    <ChangeForm
      subscription={subscription}
      title="Cancel subscription now"
      description="The subscription ends at once and is not charged again. A renewal still unpaid is canceled and its invoice voided."
      submitLabel="Cancel subscription"
      danger
      body={{ type: "cancel", ...(refund ? { refund_unused: true } : {}) }}
      success={() =>
        refund
          ? "Subscription canceled; the unused part of the paid period is refunded to account credit"
          : "Subscription canceled"
      }
      onDone={onDone}
    >
      {() => (
        <div className="flex flex-col gap-y-2">
          <div className="flex items-center gap-x-2">
            <Switch
              id="subscription-refund-unused"
              data-testid="subscription-refund-unused"
              checked={refund}
              disabled={guest}
              onCheckedChange={setRefund}
            />
            <Text size="small" asChild>
              <label htmlFor="subscription-refund-unused">Refund the unused part to account credit</label>
            </Text>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {guest
              ? "A guest cannot hold account credit: the client has no account."
              : `The period is paid until ${paidUntil}. The part not used yet goes to the client's account credit, pro rata by time (price × time left ÷ period length).`}
          </Text>
        </div>
      )}
    </ChangeForm>
  )
}

/** "Pause": no renewals until resumed, by hand or at an optional date. */
const PauseForm = ({ subscription, onDone }: FormProps) => {
  const [resumeAt, setResumeAt] = useState<Date | null>(null)
  return (
    <ChangeForm
      subscription={subscription}
      title="Pause subscription"
      description={`No renewals while paused; a renewal still unpaid is canceled and its invoice voided. Resumed before ${formatDate(subscription.current_period_end)} (the end of the paid period), nothing else changes; resumed later, a new period starts on the day it resumes and is charged then.`}
      submitLabel="Pause"
      fields={["resume_at"]}
      codeFields={{ invalid_renewal_date: "resume_at" }}
      body={{ type: "pause", ...(resumeAt ? { resume_at: resumeAt.toISOString() } : {}) }}
      success={(updated) =>
        updated.resume_at ? `Subscription paused until ${formatDateTime(updated.resume_at)}` : "Subscription paused"
      }
      onDone={onDone}
    >
      {(errors) => (
        <FormField
          id="subscription-resume-at"
          label="Resume automatically on"
          optional
          hint="Leave empty to keep it paused until you resume it."
          error={errors.resume_at}
        >
          <div data-testid="subscription-resume-at">
            <DatePicker
              aria-label="Resume on"
              granularity="minute"
              modal
              value={resumeAt}
              minValue={new Date()}
              onChange={setResumeAt}
            />
          </div>
        </FormField>
      )}
    </ChangeForm>
  )
}

/** "Move next renewal" (merchant): re-anchors the subscription at a new date and time. */
const MoveRenewalForm = ({ subscription, onDone }: FormProps) => {
  const current = subscription.next_renewal_at ?? subscription.current_period_end
  const [at, setAt] = useState<Date | null>(new Date(current))
  return (
    <ChangeForm
      subscription={subscription}
      title="Move the next renewal"
      description={`Now ${formatDateTime(current)}. The next period is charged at the new date, and later periods follow from it.`}
      submitLabel="Move renewal"
      fields={["renewal_at"]}
      codeFields={{ invalid_renewal_date: "renewal_at" }}
      body={at ? { type: "move_renewal", renewal_at: at.toISOString() } : null}
      success={(updated) =>
        `Next renewal moved to ${formatDateTime(updated.next_renewal_at ?? updated.current_period_end)}`
      }
      onDone={onDone}
    >
      {(errors) => (
        <FormField id="subscription-renewal-at" label="Next renewal" error={errors.renewal_at}>
          <div data-testid="subscription-renewal-at">
            <DatePicker aria-label="Next renewal" granularity="minute" modal value={at} onChange={setAt} />
          </div>
        </FormField>
      )}
    </ChangeForm>
  )
}
