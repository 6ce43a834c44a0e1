"use client"

import { useState, useTransition } from "react"
import { changeSubscription } from "@lib/data/subscriptions"
import { dayToIso, formatDay, pricePerPeriod, type Subscription } from "@lib/util/subscriptions"
import FormError from "@modules/common/components/form-error"
import type { StoreSubscriptionChangeBody } from "medusa-plugin-portico/contracts"

type Panel = "cancel" | "pause" | "resume" | null

/** Tomorrow as a date field's `min` (`YYYY-MM-DD`, UTC like the portal's dates). */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
}

/**
 * What the client can do with their subscription, each behind a
 * confirmation: cancel at the end of the paid period (the default) or now
 * (optionally refunding the unused part to their account credit), undo a
 * scheduled cancel, pause (until an optional date) and resume. The backend
 * decides what is allowed; its refusal is shown in its words.
 */
export default function SubscriptionControls({ subscription: s }: { subscription: Subscription }) {
  const [panel, setPanel] = useState<Panel>(null)
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [pending, start] = useTransition()
  const [when, setWhen] = useState<"period_end" | "now">(s.status === "active" ? "period_end" : "now")
  const [refund, setRefund] = useState(false)
  const [resumeOn, setResumeOn] = useState("")

  const periodEnd = formatDay(s.current_period_end)
  const canCancel = (s.status === "active" || s.status === "past_due" || s.status === "paused") && !s.cancel_at_period_end
  const canPause = (s.status === "active" || s.status === "past_due") && !s.cancel_at_period_end

  function open(next: Panel) {
    setError(undefined)
    setNotice(undefined)
    setPanel(next)
    if (next === "cancel") {
      setWhen(s.status === "active" ? "period_end" : "now")
      setRefund(false)
    }
  }

  function run(change: StoreSubscriptionChangeBody, done: string) {
    setError(undefined)
    setNotice(undefined)
    start(async () => {
      try {
        const result = await changeSubscription(s.id, change)
        if (result?.error) {
          setError(result.error)
          return
        }
        setPanel(null)
        setNotice(done)
      } catch {
        setError("The store could not be reached. Check your connection and try again.")
      }
    })
  }

  if (s.status === "canceled" || s.status === "ended") {
    return null
  }

  return (
    <section className="card flex flex-col gap-4 p-5" aria-labelledby="manage-title" data-testid="subscription-controls">
      <h2 id="manage-title" className="text-lg font-semibold">
        Manage your subscription
      </h2>

      {s.cancel_at_period_end ? (
        <div
          className="flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 sm:flex-row sm:items-center sm:justify-between"
          data-testid="cancel-scheduled"
        >
          <p>
            Your subscription <strong data-testid="cancels-on">cancels on {periodEnd}</strong>. It stays active until then and nothing more is
            charged.
          </p>
          <button
            type="button"
            className="btn-secondary shrink-0"
            disabled={pending}
            onClick={() => run({ type: "undo_cancel" }, "Your subscription will renew as before.")}
            data-testid="undo-cancel"
          >
            {pending ? "Saving…" : "Keep my subscription"}
          </button>
        </div>
      ) : null}

      {panel === null && (s.status === "paused" || canPause || canCancel) ? (
        <div className="flex flex-wrap gap-2">
          {s.status === "paused" ? (
            <button type="button" className="btn-primary" onClick={() => open("resume")} data-testid="resume">
              Resume
            </button>
          ) : null}
          {canPause ? (
            <button type="button" className="btn-secondary" onClick={() => open("pause")} data-testid="pause">
              Pause
            </button>
          ) : null}
          {canCancel ? (
            <button type="button" className="btn-secondary text-red-700" onClick={() => open("cancel")} data-testid="cancel">
              Cancel subscription
            </button>
          ) : null}
        </div>
      ) : null}

      {panel === "cancel" ? (
        <form
          className="flex flex-col gap-4 rounded-xl border border-line p-4"
          aria-label="Cancel subscription"
          data-testid="cancel-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (when === "period_end") {
              run({ type: "cancel", at_period_end: true }, `Your subscription will cancel on ${periodEnd}.`)
            } else {
              run({ type: "cancel", ...(refund ? { refund_unused: true } : {}) }, "Your subscription is canceled.")
            }
          }}
        >
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 font-semibold">When should it end?</legend>
            <label className={`flex gap-3 text-sm ${s.status !== "active" ? "opacity-60" : ""}`}>
              <input
                type="radio"
                name="when"
                value="period_end"
                className="mt-1"
                checked={when === "period_end"}
                disabled={s.status !== "active"}
                onChange={() => setWhen("period_end")}
                data-testid="cancel-at-period-end"
              />
              <span>
                <span className="block font-medium">At the end of the paid period, on {periodEnd}</span>
                <span className="block text-ink-soft">
                  {s.status === "active"
                    ? "You keep the service until then; nothing more is charged. You can change your mind before that date."
                    : "Only an active subscription can end with its period."}
                </span>
              </span>
            </label>
            <label className="flex gap-3 text-sm">
              <input
                type="radio"
                name="when"
                value="now"
                className="mt-1"
                checked={when === "now"}
                onChange={() => setWhen("now")}
                data-testid="cancel-now"
              />
              <span>
                <span className="block font-medium">Now</span>
                <span className="block text-ink-soft">The service stops today; an unpaid renewal is canceled and its invoice voided.</span>
              </span>
            </label>
            {when === "now" && s.status !== "paused" ? (
              <label className="ml-7 flex gap-3 text-sm">
                <input
                  type="checkbox"
                  name="refund_unused"
                  className="mt-0.5"
                  checked={refund}
                  onChange={(e) => setRefund(e.target.checked)}
                  data-testid="refund-unused"
                />
                <span>Refund the unused part of the paid period to my account credit</span>
              </label>
            ) : null}
          </fieldset>
          <FormError message={error} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={pending} data-testid="confirm-cancel">
              {pending ? "Canceling…" : when === "now" ? "Cancel now" : `Cancel on ${periodEnd}`}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setPanel(null)}>
              Keep subscription
            </button>
          </div>
        </form>
      ) : null}

      {panel === "pause" ? (
        <form
          className="flex flex-col gap-4 rounded-xl border border-line p-4"
          aria-label="Pause subscription"
          data-testid="pause-form"
          onSubmit={(e) => {
            e.preventDefault()
            const resumeAt = dayToIso(resumeOn)
            if (resumeOn && !resumeAt) {
              setError("Enter the resume date as a date, or leave it empty.")
              return
            }
            run(
              { type: "pause", ...(resumeAt ? { resume_at: resumeAt } : {}) },
              resumeAt ? `Your subscription is paused until ${formatDay(resumeAt)}.` : "Your subscription is paused."
            )
          }}
        >
          <p className="text-sm text-ink-soft">
            Nothing is charged while it is paused. Resumed before {periodEnd}, it renews then as usual; resumed later, a new period starts on the
            day it resumes and {pricePerPeriod(s)} is charged then.
          </p>
          <div className="max-w-xs">
            <label htmlFor="resume-on" className="label">
              Resume on <span className="font-normal text-ink-soft">(optional)</span>
            </label>
            <input
              id="resume-on"
              type="date"
              className="input"
              min={tomorrow()}
              value={resumeOn}
              onChange={(e) => setResumeOn(e.target.value)}
              data-testid="resume-on"
            />
            <p className="mt-1 text-xs text-ink-soft">Leave empty to resume it yourself.</p>
          </div>
          <FormError message={error} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={pending} data-testid="confirm-pause">
              {pending ? "Pausing…" : "Pause subscription"}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setPanel(null)}>
              Keep it running
            </button>
          </div>
        </form>
      ) : null}

      {panel === "resume" ? (
        <form
          className="flex flex-col gap-4 rounded-xl border border-line p-4"
          aria-label="Resume subscription"
          data-testid="resume-form"
          onSubmit={(e) => {
            e.preventDefault()
            run({ type: "resume" }, "Your subscription is active again.")
          }}
        >
          <p className="text-sm text-ink-soft">
            Resumed before {periodEnd}, nothing else changes. Resumed after it, a new period starts today and {pricePerPeriod(s)} is charged now.
          </p>
          <FormError message={error} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={pending} data-testid="confirm-resume">
              {pending ? "Resuming…" : "Resume subscription"}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setPanel(null)}>
              Not now
            </button>
          </div>
        </form>
      ) : null}

      {panel === null ? <FormError message={error} /> : null}
      {notice ? (
        <p role="status" className="text-sm font-medium text-emerald-800" data-testid="subscription-notice">
          {notice}
        </p>
      ) : null}
    </section>
  )
}
