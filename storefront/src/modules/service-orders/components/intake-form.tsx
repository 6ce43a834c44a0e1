"use client"

import { useRouter } from "next/navigation"
import { useRef, useState } from "react"
import {
  answersPayload,
  describeAccept,
  earliestDate,
  fieldErrorMessage,
  formatDate,
  formatSize,
  maxFiles,
  maxLength,
  maxSizeMb,
  serviceOrderPath,
  validateIntake,
  type FieldError,
  type IntakeField,
  type IntakeForm as IntakeFormType,
  type IntakeValue,
} from "@lib/util/intake"
import FormError from "@modules/common/components/form-error"

type Values = Record<string, IntakeValue | undefined>
type Errors = Record<string, FieldError | { code: string; message: string }>

/** A backend error body (`{ type, code, message, errors: [{ field, code, message }] }`). */
type ErrorBody = { code?: string; message?: string; errors?: { field?: string; code?: string; message?: string }[] }

function initialValue(field: IntakeField): IntakeValue {
  switch (field.type) {
    case "multi_select":
      return []
    case "checkbox":
      return false
    case "file":
      return []
    default:
      return ""
  }
}

/** What is said under a field before anything goes wrong: its help text and its limits. */
function hints(field: IntakeField): string[] {
  const out: string[] = []
  switch (field.type) {
    case "text":
    case "long_text":
      if (field.min_length) out.push(`At least ${field.min_length} characters.`)
      break
    case "number":
      if (field.min != null && field.max != null) out.push(`From ${field.min} to ${field.max}.`)
      else if (field.min != null) out.push(`At least ${field.min}.`)
      else if (field.max != null) out.push(`At most ${field.max}.`)
      break
    case "date":
      if (field.min_date && field.max_date) out.push(`Between ${formatDate(field.min_date)} and ${formatDate(field.max_date)}.`)
      else if (field.min_date) out.push(`On or after ${formatDate(field.min_date)}.`)
      else if (field.max_date) out.push(`On or before ${formatDate(field.max_date)}.`)
      break
    case "file": {
      const n = maxFiles(field)
      const parts = [n > 1 ? `Up to ${n} files` : "One file", `${maxSizeMb(field)} MB each at most`]
      if (field.accept?.length) parts.push(describeAccept(field.accept))
      out.push(`${parts.join(", ")}.`)
      break
    }
    default:
  }
  return out
}

/**
 * The intake form of a pending service order: every field type of Portico's
 * forms, with labels, help text, required markers and a client-side check
 * that is the server's own validation (Portico's contracts, worded in
 * `lib/util/intake.ts`).
 * Sent as multipart/form-data (an `answers` JSON part, one part per file
 * named by its field key) to the storefront's pass-through route. The
 * server's per-field errors are shown on their fields with what the client
 * entered kept; on success the page shows the submitted brief.
 */
export default function IntakeForm({
  serviceOrderId,
  orderId,
  form,
}: {
  serviceOrderId: string
  /** The service order's order: a guest's submission goes with this browser's access token for it. */
  orderId: string
  form: IntakeFormType
}) {
  const router = useRouter()
  const [values, setValues] = useState<Values>(() => Object.fromEntries(form.fields.map((f) => [f.key, initialValue(f)])))
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string>()
  const [pending, setPending] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const byKey = new Map(form.fields.map((f) => [f.key, f]))

  function set(key: string, value: IntakeValue) {
    setValues((v) => ({ ...v, [key]: value }))
    // A changed answer is checked again on the next submit; its old error goes.
    setErrors((e) => {
      if (!e[key]) return e
      const { [key]: _gone, ...rest } = e
      return rest
    })
  }

  function focusFirst(errs: Errors) {
    const first = form.fields.find((f) => errs[f.key])
    if (first) {
      requestAnimationFrame(() => {
        const el = formRef.current?.querySelector<HTMLElement>(`[data-field="${first.key}"] input, [data-field="${first.key}"] select, [data-field="${first.key}"] textarea`)
        el?.focus()
      })
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setFormError(undefined)
    const found = validateIntake(form.fields, values)
    if (Object.keys(found).length) {
      setErrors(found)
      setFormError("Some answers need your attention: see the messages under the fields.")
      focusFirst(found)
      return
    }
    setErrors({})
    const body = new FormData()
    body.set("answers", JSON.stringify(answersPayload(form.fields, values)))
    for (const field of form.fields) {
      if (field.type === "file") {
        for (const file of (values[field.key] as File[] | undefined) ?? []) {
          body.append(field.key, file, file.name)
        }
      }
    }
    setPending(true)
    try {
      const response = await fetch(`${serviceOrderPath(serviceOrderId)}/intake?${new URLSearchParams({ order: orderId })}`, {
        method: "POST",
        body,
      })
      const json = (await response.json().catch(() => ({}))) as ErrorBody
      if (response.ok) {
        router.replace(`${serviceOrderPath(serviceOrderId)}?submitted=1`, { scroll: true })
        router.refresh()
        return
      }
      if (json.code === "intake_not_pending" || json.code === "no_intake_form") {
        router.replace(`${serviceOrderPath(serviceOrderId)}?notice=${json.code}`, { scroll: true })
        router.refresh()
        return
      }
      const fieldErrors: Errors = {}
      const other: string[] = []
      for (const e of json.errors ?? []) {
        const key = e.field?.replace(/^answers\./, "").split(".")[0]
        const field = key ? byKey.get(key) : undefined
        if (field && !fieldErrors[field.key]) {
          fieldErrors[field.key] = { code: e.code ?? "", message: fieldErrorMessage(field, e.code ?? "", e.message) }
        } else if (!field) {
          other.push(fieldErrorMessage(undefined, e.code ?? "", e.message))
        }
      }
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length) {
        setFormError(["Some answers need your attention: see the messages under the fields.", ...other].join(" "))
        focusFirst(fieldErrors)
      } else if (response.status === 404) {
        setFormError("This service order was not found. If you placed it while signed in, sign in again and retry.")
      } else if (response.status === 413) {
        setFormError("The files are too large to send together. Please attach smaller files.")
      } else {
        setFormError([json.message || "We could not send your answers. Please try again.", ...other].join(" "))
      }
    } catch {
      setFormError("We could not reach the store. Check your connection and try again; your answers are still here.")
    } finally {
      setPending(false)
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="intake-form" aria-describedby="intake-required-note">
      <p id="intake-required-note" className="text-sm text-ink-soft">
        Fields marked <span className="font-semibold text-red-700">*</span> are required.
      </p>
      {form.fields.map((field) => (
        <Field key={field.key} field={field} value={values[field.key]} error={errors[field.key]} onChange={(v) => set(field.key, v)} />
      ))}
      <FormError message={formError} />
      <button type="submit" className="btn-primary self-start px-6 py-3 text-base" disabled={pending} data-testid="intake-submit">
        {pending ? "Sending…" : "Send the brief"}
      </button>
    </form>
  )
}

const inputId = (key: string) => `intake-${key}`

/** One question: label (with its required marker), control, help text and limits, error. */
function Field({
  field,
  value,
  error,
  onChange,
}: {
  field: IntakeField
  value: IntakeValue | undefined
  error?: { message: string }
  onChange: (value: IntakeValue) => void
}) {
  const id = inputId(field.key)
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const notes = [field.help_text, ...hints(field)].filter(Boolean) as string[]
  const describedBy = [notes.length ? helpId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined
  const common = {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  }
  const label = (
    <>
      {field.label}
      {field.required ? (
        <span className="ml-0.5 text-red-700" aria-hidden="true">
          *
        </span>
      ) : (
        <span className="ml-1 font-normal text-ink-faint">(optional)</span>
      )}
    </>
  )
  const help = notes.length ? (
    <p id={helpId} className="mt-1 text-xs text-ink-faint">
      {notes.join(" ")}
    </p>
  ) : null
  const errorText = error ? (
    <p id={errorId} className="mt-1 text-sm font-medium text-red-700" data-testid={`field-error-${field.key}`}>
      {error.message}
    </p>
  ) : null
  const invalid = error ? "border-red-400 ring-1 ring-red-300" : ""

  let control: React.ReactNode
  switch (field.type) {
    case "long_text": {
      const max = maxLength(field)
      const text = (value as string) ?? ""
      control = (
        <>
          <label htmlFor={id} className="label">{label}</label>
          <textarea
            id={id}
            name={field.key}
            rows={5}
            className={`input ${invalid}`}
            value={text}
            maxLength={max}
            aria-required={field.required || undefined}
            onChange={(e) => onChange(e.target.value)}
            {...common}
          />
          <p className="mt-1 text-right text-xs text-ink-faint">
            {text.length} / {max}
          </p>
        </>
      )
      break
    }
    case "select":
      control = (
        <>
          <label htmlFor={id} className="label">{label}</label>
          <select
            id={id}
            name={field.key}
            className={`input ${invalid}`}
            value={(value as string) ?? ""}
            aria-required={field.required || undefined}
            onChange={(e) => onChange(e.target.value)}
            {...common}
          >
            <option value="">Choose…</option>
            {(field.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </>
      )
      break
    case "multi_select": {
      const chosen = (value as string[] | undefined) ?? []
      return (
        <fieldset data-field={field.key} data-testid={`intake-field-${field.key}`} data-type={field.type} aria-describedby={describedBy}>
          <legend className="label">{label}</legend>
          <div className="flex flex-col gap-2">
            {(field.options ?? []).map((o, i) => (
              <label key={o} className="flex cursor-pointer items-center gap-3 text-sm">
                <input
                  id={i === 0 ? id : undefined}
                  type="checkbox"
                  name={field.key}
                  value={o}
                  className="h-4 w-4 rounded border-gray-300"
                  checked={chosen.includes(o)}
                  // Kept in the options' order, whatever order they are ticked in.
                  onChange={(e) => onChange((field.options ?? []).filter((x) => (x === o ? e.target.checked : chosen.includes(x))))}
                />
                {o}
              </label>
            ))}
          </div>
          {help}
          {errorText}
        </fieldset>
      )
    }
    case "checkbox":
      control = (
        <label className="flex cursor-pointer items-start gap-3 text-sm">
          <input
            id={id}
            name={field.key}
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded border-gray-300"
            checked={value === true}
            aria-required={field.required || undefined}
            onChange={(e) => onChange(e.target.checked)}
            {...common}
          />
          <span className="font-medium">{label}</span>
        </label>
      )
      break
    case "file": {
      const files = (value as File[] | undefined) ?? []
      const several = maxFiles(field) > 1
      control = (
        <>
          <label htmlFor={id} className="label">{label}</label>
          {/* The native control is kept (keyboard, screen readers) but drawn as a button: its own
              "No file chosen" would contradict the list of files picked so far. */}
          <input
            id={id}
            name={field.key}
            type="file"
            multiple={several}
            accept={field.accept?.length ? field.accept.join(",") : undefined}
            aria-required={field.required || undefined}
            className="peer sr-only"
            onChange={(e) => {
              const picked = Array.from(e.target.files ?? [])
              // With several files allowed, another pick adds to the ones chosen before.
              onChange(several ? [...files, ...picked.filter((p) => !files.some((f) => f.name === p.name && f.size === p.size))] : picked)
              e.target.value = ""
            }}
            {...common}
          />
          <label
            htmlFor={id}
            className={`btn-secondary cursor-pointer peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand ${error ? "border-red-400 ring-1 ring-red-300" : ""}`}
          >
            {files.length ? (several ? "Add files" : "Choose another file") : several ? "Choose files" : "Choose a file"}
          </label>
          {files.length ? null : <span className="ml-3 text-sm text-ink-faint">No file chosen</span>}
          {files.length ? (
            <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid={`selected-files-${field.key}`}>
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`} className="flex items-center gap-2" data-testid="selected-file">
                  <span className="truncate font-medium">{f.name}</span>
                  <span className="text-ink-faint">({formatSize(f.size)})</span>
                  <button type="button" className="text-brand underline" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                    Remove<span className="sr-only"> {f.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )
      break
    }
    default: {
      const type = { number: "number", email: "email", url: "url", date: "date" }[field.type as string] ?? "text"
      control = (
        <>
          <label htmlFor={id} className="label">{label}</label>
          <input
            id={id}
            name={field.key}
            type={type}
            className={`input ${invalid}`}
            value={(value as string) ?? ""}
            aria-required={field.required || undefined}
            onChange={(e) => onChange(e.target.value)}
            {...(field.type === "text" ? { maxLength: maxLength(field) } : {})}
            {...(field.type === "number" ? { step: "any", inputMode: "decimal" as const, min: field.min ?? undefined, max: field.max ?? undefined } : {})}
            /* "Today" is the browser's: the server-rendered minimum may be a day off. */
            {...(field.type === "date" ? { min: earliestDate(field), max: field.max_date ?? undefined, suppressHydrationWarning: true } : {})}
            {...(field.type === "email" ? { autoComplete: "email", inputMode: "email" as const } : {})}
            {...(field.type === "url" ? { placeholder: "https://", inputMode: "url" as const } : {})}
            {...common}
          />
        </>
      )
    }
  }
  return (
    <div data-field={field.key} data-testid={`intake-field-${field.key}`} data-type={field.type}>
      {control}
      {help}
      {errorText}
    </div>
  )
}
