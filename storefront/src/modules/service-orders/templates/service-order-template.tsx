import Link from "next/link"
import {
  serviceOrderTitle,
  statusDescription,
  unitLabel,
  type ServiceOrderDetail,
} from "@lib/util/intake"
import IntakeAnswers from "../components/intake-answers"
import IntakeForm from "../components/intake-form"
import StatusBadge from "../components/status-badge"
import StatusHistory from "../components/status-history"

/** Why a submission was refused, in words (the form's page shows it after a redirect). */
const NOTICES: Record<string, string> = {
  intake_not_pending:
    "Your answers were not saved: this brief can no longer be changed, because we already have it (or the order has moved on). What we have is shown below. If something needs to change, reply to your order email.",
  no_intake_form: "This service needs no brief from you, so there is nothing to fill in.",
}

/**
 * One service order for its client: the service, its status and history,
 * and the brief: the form to fill while it is pending with a form, or the
 * answers sent, read-only.
 */
export default function ServiceOrderTemplate({
  serviceOrder: so,
  signedIn,
  submitted,
  notice,
  nav,
}: {
  serviceOrder: ServiceOrderDetail
  signedIn: boolean
  /** Above the page: the portal's sections, for a signed-in client. */
  nav?: React.ReactNode
  /** Just submitted: say thank you. */
  submitted?: boolean
  /** A refusal code to explain (`intake_not_pending`). */
  notice?: string
}) {
  const { form, submission } = so.intake
  const unit = unitLabel(so)
  const canFill = so.status === "pending" && !!form
  const noticeText = notice ? NOTICES[notice] : undefined
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      {nav}
      <Link href={signedIn ? `/portal/orders/${so.order_id}` : `/order/${so.order_id}/confirmed`} className="text-sm text-ink-faint hover:text-ink">
        ← Order{so.order_display_id != null ? ` #${so.order_display_id}` : ""}
      </Link>
      <div className="mb-6 mt-2">
        <h1 className="text-3xl font-bold tracking-tight" data-testid="service-order-heading">
          {serviceOrderTitle(so)}
          {unit ? <span className="ml-2 text-xl font-medium text-ink-soft" data-testid="service-order-unit">({unit})</span> : null}
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-ink-soft">
          <StatusBadge status={so.status} />
          <span data-testid="service-order-status-text">{statusDescription(so)}</span>
        </p>
      </div>

      {submitted && submission && !canFill ? (
        <div role="status" className="card mb-6 border-emerald-200 bg-emerald-50 p-5" data-testid="intake-thanks">
          <p className="font-semibold text-emerald-800">Thank you: we have your brief.</p>
          <p className="mt-1 text-sm text-emerald-900">We will be in touch if we need anything else. Here is what you sent.</p>
        </div>
      ) : null}
      {noticeText ? (
        <div role="alert" className="card mb-6 border-amber-200 bg-amber-50 p-5 text-amber-900" data-testid="intake-notice" data-code={notice}>
          {noticeText}
        </div>
      ) : null}

      <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
        <section className="card p-6" aria-labelledby="brief-title">
          {canFill ? (
            <>
              <h2 id="brief-title" className="text-xl font-semibold">
                {form.title || "Tell us about your project"}
              </h2>
              {form.description ? <p className="mt-1 whitespace-pre-line text-ink-soft">{form.description}</p> : (
                <p className="mt-1 text-ink-soft">A few questions so we can start. You can send the brief once.</p>
              )}
              <div className="mt-6">
                <IntakeForm serviceOrderId={so.id} orderId={so.order_id} form={form} />
              </div>
            </>
          ) : submission ? (
            <>
              <h2 id="brief-title" className="text-xl font-semibold">Your brief</h2>
              <p className="mt-1 text-sm text-ink-soft">
                Sent{" "}
                <time dateTime={submission.created_at}>
                  {new Date(submission.created_at).toLocaleString("en-US", { dateStyle: "long", timeStyle: "short" })}
                </time>
                . It can no longer be changed here.
              </p>
              <div className="mt-4">
                <IntakeAnswers serviceOrderId={so.id} orderId={so.order_id} fields={form?.fields ?? []} submission={submission} />
              </div>
            </>
          ) : (
            <>
              <h2 id="brief-title" className="text-xl font-semibold">Brief</h2>
              <p className="mt-1 text-ink-soft" data-testid="no-intake">
                {so.status === "pending"
                  ? "We need nothing from you for now."
                  : "No brief is needed for this service: we have what we need from your order."}
              </p>
            </>
          )}
        </section>
        <aside className="flex flex-col gap-4">
          <div className="card p-5">
            <h2 className="mb-3 font-semibold">History</h2>
            <StatusHistory history={so.history} />
          </div>
          <div className="card p-5 text-sm text-ink-soft">
            Placed{" "}
            {new Date(so.created_at).toLocaleDateString("en-US", { dateStyle: "long" })}
            {so.order_display_id != null ? <> as part of order #{so.order_display_id}</> : null}.
          </div>
        </aside>
      </div>
    </div>
  )
}
