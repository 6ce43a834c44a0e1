import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import { Badge, Container, Drawer, Heading, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { QueryState } from "../../components/common/query-state"
import { emailKeys, listMailbox, mailboxEmailHtml } from "../../lib/emails"
import { formatDateTime } from "../../lib/format"

const PAGE_SIZE = 20

/** The HTML of one email, in a sandboxed frame (no scripts, no access to the admin). */
function EmailFrame({ id, subject }: { id: string; subject: string }) {
  const { data, error, isLoading } = useQuery({
    queryKey: emailKeys.mailboxEmail(id),
    queryFn: () => mailboxEmailHtml(id),
  })
  return (
    <QueryState data={data} error={error} loading={isLoading || data === undefined}>
      {(html) => (
        <iframe
          title={subject}
          sandbox=""
          srcDoc={html}
          className="h-full min-h-[60vh] w-full flex-1 rounded-md border bg-white"
          data-testid="mailbox-frame"
        />
      )}
    </QueryState>
  )
}

/**
 * Admin page "Mailbox": the emails Portico sent while the dev mailbox provider
 * is in use (no RESEND_API_KEY), newest first. A row opens the email as sent
 * in a drawer over the list (where it is seen whatever the scroll position and
 * screen size); Escape or the close button goes back to the list.
 */
const MailboxPage = () => {
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const { data, error, isLoading } = useQuery({
    queryKey: [...emailKeys.mailbox, offset],
    queryFn: () => listMailbox({ limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  })
  const current = data?.emails.find((e) => e.id === selected) ?? null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Mailbox</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data?.enabled
              ? `Emails are not sent in this environment: each one is written to ${data.dir} and listed here.`
              : "Development mailbox: lists the emails Portico would send when no RESEND_API_KEY is set."}
          </Text>
        </div>
        {data && !data.enabled ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="mailbox-disabled">
            The dev mailbox is not in use: emails go through the configured notification provider (Resend).
          </Text>
        ) : (
          <QueryState
            data={data}
            error={error}
            loading={isLoading || !data}
            empty={!data?.emails.length && "No emails yet."}
            emptyTestId="mailbox-empty"
          >
            {(data) => (
              <>
                <Table data-testid="mailbox-table">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Sent</Table.HeaderCell>
                      <Table.HeaderCell>To</Table.HeaderCell>
                      <Table.HeaderCell>Subject</Table.HeaderCell>
                      <Table.HeaderCell>Template</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.emails.map((email) => (
                      <Table.Row
                        key={email.id}
                        className={`cursor-pointer ${email.id === selected ? "bg-ui-bg-highlight" : ""}`}
                        onClick={() => setSelected(email.id)}
                        data-testid="mailbox-row"
                      >
                        <Table.Cell>{formatDateTime(email.sent_at)}</Table.Cell>
                        <Table.Cell>{email.to}</Table.Cell>
                        <Table.Cell>{email.subject}</Table.Cell>
                        <Table.Cell>
                          <Badge size="2xsmall">{email.template}</Badge>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
                <OffsetPagination count={data.count} offset={offset} pageSize={PAGE_SIZE} onOffset={setOffset} />
              </>
            )}
          </QueryState>
        )}
      </Container>
      <Drawer open={!!current} onOpenChange={(open) => !open && setSelected(null)}>
        <Drawer.Content className="max-w-[760px]" data-testid="mailbox-email">
          {current && (
            <>
              <Drawer.Header>
                <Drawer.Title data-testid="mailbox-email-subject">{current.subject}</Drawer.Title>
                <Drawer.Description className="text-ui-fg-subtle txt-small">
                  To {current.to}
                  {current.from ? ` · from ${current.from}` : ""} · {formatDateTime(current.sent_at)} · key{" "}
                  {current.idempotency_key ?? "—"}
                </Drawer.Description>
              </Drawer.Header>
              <Drawer.Body className="flex flex-col overflow-y-auto p-4">
                <EmailFrame id={current.id} subject={current.subject} />
              </Drawer.Body>
            </>
          )}
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Mailbox",
  icon: Envelope,
})

export default MailboxPage
