import { formatAnswer, formatSize, serviceOrderPath, type IntakeField, type IntakeSubmission } from "@lib/util/intake"

/**
 * A submitted brief, read-only: each question of the form version it
 * answered with the answer in words, files as download links through the
 * storefront (which adds the client's credentials).
 */
export default function IntakeAnswers({
  serviceOrderId,
  orderId,
  fields,
  submission,
}: {
  serviceOrderId: string
  /** The service order's order: a guest's download goes with this browser's access token for it. */
  orderId: string
  /** The fields of the version the submission answered (the current form's when that is all there is). */
  fields: IntakeField[]
  submission: IntakeSubmission
}) {
  const known = new Set(fields.map((f) => f.key))
  // Answers to questions the shown fields do not have (another version) are still shown, by key.
  const extra = Object.keys(submission.answers).filter((k) => !known.has(k))
  const extraFiles = [...new Set(submission.files.map((f) => f.field))].filter((k) => !known.has(k) && !extra.includes(k))
  const rows: { key: string; label: string; field?: IntakeField }[] = [
    ...fields.map((f) => ({ key: f.key, label: f.label, field: f })),
    ...[...extra, ...extraFiles].map((k) => ({ key: k, label: k })),
  ]
  return (
    <dl className="divide-y divide-line" data-testid="intake-answers">
      {rows.map(({ key, label, field }) => {
        const files = submission.files.filter((f) => f.field === key)
        const isFile = field?.type === "file" || files.length > 0
        return (
          <div key={key} className="grid gap-1 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4" data-testid={`answer-${key}`}>
            <dt className="text-sm font-medium text-ink-soft">{label}</dt>
            <dd className="whitespace-pre-wrap break-words" data-testid="answer-value">
              {isFile ? (
                files.length ? (
                  <ul className="flex flex-col gap-1">
                    {files.map((f) => (
                      <li key={f.file_id}>
                        <a
                          href={`${serviceOrderPath(serviceOrderId)}/files/${encodeURIComponent(f.file_id)}?${new URLSearchParams({ order: orderId })}`}
                          className="font-medium text-brand underline"
                          download={f.filename}
                          data-testid="answer-file"
                        >
                          {f.filename}
                        </a>{" "}
                        <span className="text-sm text-ink-faint">({formatSize(f.size)})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )
              ) : (
                formatAnswer(field, submission.answers[key])
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
