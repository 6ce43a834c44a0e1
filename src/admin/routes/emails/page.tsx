import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EnvelopeContent } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { FormField } from "../../components/common/form-field"
import { QueryState } from "../../components/common/query-state"
import { fieldErrorsOf } from "../../lib/api"
import {
  type AdminEmailTemplate,
  type EmailPreview,
  emailKeys,
  listEmailTemplates,
  previewEmailTemplate,
  saveEmailTemplate,
} from "../../lib/emails"

/** The editor of one template: subject, body, on/off, variables and a preview. */
function TemplateEditor({ template }: { template: AdminEmailTemplate }) {
  const queryClient = useQueryClient()
  const [subject, setSubject] = useState(template.override?.subject ?? "")
  const [body, setBody] = useState(template.override?.body ?? "")
  const [enabled, setEnabled] = useState(template.override?.enabled ?? true)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<EmailPreview | null>(null)

  const save = useMutation({
    mutationFn: (input: { subject: string | null; body: string | null; enabled: boolean }) =>
      saveEmailTemplate(template.template, input),
    onSuccess: async () => {
      setErrors({})
      toast.success("Email saved")
      await queryClient.invalidateQueries({ queryKey: emailKeys.templates })
    },
    onError: (error) => {
      setErrors(fieldErrorsOf(error))
      toast.error(error.message)
    },
  })
  const render = useMutation({
    mutationFn: () => previewEmailTemplate(template.template, { subject: subject || null, body: body || null }),
    onSuccess: ({ preview }) => {
      setErrors({})
      setPreview(preview)
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  })

  const insert = (name: string) => setBody((text) => `${text}${text && !text.endsWith("\n") ? " " : ""}{{${name}}}`)

  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 xl:grid-cols-[1fr_320px]" data-testid="email-editor">
      <div className="flex flex-col gap-y-4">
        <Text size="small" className="text-ui-fg-subtle">
          {template.description}
        </Text>
        <FormField
          id="email-subject"
          label="Subject"
          optional
          error={errors.subject}
          hint={`Empty: the default, “${template.default_subject}”.`}
        >
          <Input
            id="email-subject"
            value={subject}
            placeholder={template.default_subject}
            onChange={(e) => setSubject(e.target.value)}
          />
        </FormField>
        <FormField
          id="email-body"
          label="Body"
          optional
          error={errors.body}
          hint="Text with {{variable}} placeholders; a blank line starts a paragraph and links become clickable. Empty: Portico's default email."
        >
          <Textarea
            id="email-body"
            rows={12}
            value={body}
            placeholder={template.default_body}
            onChange={(e) => setBody(e.target.value)}
          />
        </FormField>
        <div className="flex items-center gap-x-2">
          <Switch id="email-enabled" checked={enabled} onCheckedChange={setEnabled} />
          <Label htmlFor="email-enabled" size="small">
            Use this custom email (off: send the default, keep the text)
          </Label>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            size="small"
            isLoading={save.isPending}
            onClick={() => save.mutate({ subject: subject || null, body: body || null, enabled })}
            data-testid="email-save"
          >
            Save
          </Button>
          <Button size="small" variant="secondary" isLoading={render.isPending} onClick={() => render.mutate()}>
            Preview
          </Button>
          <Button size="small" variant="secondary" onClick={() => setBody(template.default_body)}>
            Start from the default text
          </Button>
          <Button
            size="small"
            variant="transparent"
            onClick={() => {
              setSubject("")
              setBody("")
              save.mutate({ subject: null, body: null, enabled: true })
            }}
          >
            Reset to default
          </Button>
        </div>
        {preview && (
          <div className="flex flex-col gap-y-2" data-testid="email-preview">
            <Text size="small" weight="plus">
              Subject: {preview.subject}
            </Text>
            <iframe title="Preview" sandbox="" srcDoc={preview.html} className="h-[60vh] w-full rounded-md border bg-white" />
          </div>
        )}
      </div>
      <div className="flex flex-col gap-y-2">
        <Heading level="h3">Variables</Heading>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Click one to add it to the body.
        </Text>
        {template.variables.map((variable) => (
          <button
            key={variable.name}
            type="button"
            className="hover:bg-ui-bg-base-hover flex flex-col items-start rounded-md border px-2 py-1 text-left"
            onClick={() => insert(variable.name)}
            data-testid={`email-variable-${variable.name}`}
          >
            <code className="text-ui-fg-base txt-compact-xsmall-plus">{`{{${variable.name}}}`}</code>
            <span className="text-ui-fg-subtle txt-compact-xsmall">{variable.description}</span>
          </button>
        ))}
      </div>
    </div>
  )
}

/**
 * Admin page "Emails": Portico's email templates; the merchant can replace the
 * subject and body of each (with `{{variable}}` placeholders), preview it with
 * sample values, and switch back to the default.
 */
const EmailsPage = () => {
  const { data, error, isLoading } = useQuery({ queryKey: emailKeys.templates, queryFn: listEmailTemplates })
  const [selected, setSelected] = useState<string | null>(null)
  const templates = data?.email_templates ?? []
  const current = templates.find((t) => t.template === selected) ?? templates[0]

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">Emails</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What Portico sends clients and you. Customize the subject and text of each email.
          </Text>
        </div>
        {current && (
          <div className="w-[280px]">
            <Select value={current.template} onValueChange={setSelected}>
              <Select.Trigger aria-label="Email" data-testid="email-template-select">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {templates.map((t) => (
                  <Select.Item key={t.template} value={t.template}>
                    {t.title}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      <QueryState data={data} error={error} loading={isLoading || !data}>
        {() =>
          current ? (
            <>
              <div className="flex items-center gap-x-2 px-6 py-3">
                <Badge size="2xsmall">{current.recipient === "client" ? "To the client" : "To you"}</Badge>
                <Badge size="2xsmall" color={current.override?.enabled && (current.override.subject || current.override.body) ? "green" : "grey"}>
                  {current.override?.enabled && (current.override.subject || current.override.body) ? "Custom" : "Default"}
                </Badge>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {current.template}
                </Text>
              </div>
              {/* Keyed: switching templates starts the editor from that template's values. */}
              <TemplateEditor key={`${current.template}:${current.override?.updated_at ?? ""}`} template={current} />
            </>
          ) : null
        }
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Emails",
  icon: EnvelopeContent,
})

export default EmailsPage
