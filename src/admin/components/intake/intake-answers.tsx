import { ArrowDownTray } from "@medusajs/icons"
import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatBytes, formatDay, type IntakeField, type IntakeState } from "../../lib/intake"

type Submission = NonNullable<IntakeState["submission"]>

/**
 * A client's intake answers, one row per field of the form version they
 * answered (its labels, in its order): text as written, choices as badges,
 * dates in the merchant's locale, files as download links. Answers to keys
 * the version does not list (none expected) are shown at the end as-is.
 */
export const IntakeAnswers = ({
  fields,
  submission,
  fileUrl,
}: {
  fields: IntakeField[]
  submission: Submission
  fileUrl: (fileId: string) => string
}) => {
  const known = new Set(fields.map((f) => f.key))
  const extra = Object.keys(submission.answers).filter((k) => !known.has(k))
  return (
    <dl className="divide-y" data-testid="intake-answers">
      {fields.map((field) => (
        <div key={field.key} className="grid grid-cols-1 gap-1 px-6 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:gap-4" data-testid="intake-answer" data-key={field.key}>
          <dt className="txt-compact-small text-ui-fg-subtle">{field.label}</dt>
          <dd className="txt-compact-small min-w-0 break-words" data-testid="intake-answer-value">
            <AnswerValue
              field={field}
              value={submission.answers[field.key]}
              files={submission.files.filter((f) => f.field === field.key)}
              fileUrl={fileUrl}
            />
          </dd>
        </div>
      ))}
      {extra.map((key) => (
        <div key={key} className="grid grid-cols-1 gap-1 px-6 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:gap-4">
          <dt className="txt-compact-small text-ui-fg-subtle font-mono">{key}</dt>
          <dd className="txt-compact-small min-w-0 break-words">{JSON.stringify(submission.answers[key])}</dd>
        </div>
      ))}
    </dl>
  )
}

const Empty = () => <span className="text-ui-fg-muted">Not answered</span>

const AnswerValue = ({
  field,
  value,
  files,
  fileUrl,
}: {
  field: IntakeField
  value: unknown
  files: Submission["files"]
  fileUrl: (fileId: string) => string
}): ReactNode => {
  switch (field.type) {
    case "file":
      return files.length ? (
        <ul className="flex flex-col gap-y-1">
          {files.map((file) => (
            <li key={file.file_id}>
              <a
                href={fileUrl(file.file_id)}
                download={file.filename}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"
                data-testid="intake-file-link"
              >
                <ArrowDownTray className="shrink-0" />
                <span className="break-all">{file.filename}</span>
                <span className="text-ui-fg-subtle whitespace-nowrap">({formatBytes(file.size)})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <Empty />
      )
    case "checkbox":
      return value === true ? "Yes" : "No"
    case "multi_select": {
      const list = Array.isArray(value) ? value.map(String) : []
      return list.length ? (
        <span className="flex flex-wrap gap-1">
          {list.map((v) => (
            <Badge key={v} size="2xsmall">
              {v}
            </Badge>
          ))}
        </span>
      ) : (
        <Empty />
      )
    }
    default: {
      if (value === undefined || value === null || value === "") {
        return <Empty />
      }
      const text = String(value)
      if (field.type === "date") return formatDay(text)
      if (field.type === "number") return <span className="tabular-nums">{text}</span>
      if (field.type === "long_text") return <Text size="small" className="whitespace-pre-wrap">{text}</Text>
      if (field.type === "email") {
        return (
          <a href={`mailto:${text}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            {text}
          </a>
        )
      }
      if (field.type === "url" && /^https?:\/\//i.test(text)) {
        return (
          <a href={text} target="_blank" rel="noreferrer noopener" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover break-all">
            {text}
          </a>
        )
      }
      return text
    }
  }
}
