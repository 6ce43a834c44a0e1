import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ListCheckbox } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { QueryState } from "../../components/common/query-state"
import { formatDate } from "../../lib/format"
import { useIntakeForms } from "../../lib/intake"
import { useDebounced } from "../../lib/use-debounced"

const PAGE_SIZE = 20

/**
 * Admin page "Intake forms": the questions clients answer after buying a
 * service, searched by title, 20 per page. A row opens the form builder;
 * "Create form" opens an empty one.
 */
const IntakeFormsPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const [q, setQ] = useState(params.get("q") ?? "")
  const search = useDebounced(q.trim())
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const { data, isLoading, error } = useIntakeForms({ q: search || undefined, limit: PAGE_SIZE, offset })

  const onSearch = (value: string) => {
    setQ(value)
    const next = new URLSearchParams(params)
    next.delete("offset")
    if (value.trim()) next.set("q", value.trim())
    else next.delete("q")
    setParams(next, { replace: true })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h1">Intake forms</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The questions a client answers after buying a service. Choose a service&apos;s form in its Service settings.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => navigate("/intake-forms/new")} data-testid="create-intake-form">
          Create form
        </Button>
      </div>
      <div className="px-6 py-4">
        <div className="w-[260px]">
          <Input
            size="small"
            type="search"
            placeholder="Search forms"
            value={q}
            onChange={(e) => onSearch(e.target.value)}
            data-testid="intake-form-search"
          />
        </div>
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={
          !data?.intake_forms.length &&
          (search ? "No intake forms match this search." : "No intake forms yet. Create one to ask clients what you need to start.")
        }
        emptyTestId="intake-forms-empty"
      >
        {(data) => (
          <>
            <Table data-testid="intake-form-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Title</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Fields</Table.HeaderCell>
                  <Table.HeaderCell>Version</Table.HeaderCell>
                  <Table.HeaderCell>Updated</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.intake_forms.map((form) => (
                  <Table.Row
                    key={form.id}
                    className="cursor-pointer"
                    data-testid="intake-form-row"
                    data-id={form.id}
                    onClick={() => navigate(`/intake-forms/${form.id}`)}
                  >
                    <Table.Cell>
                      <div className="flex flex-col py-1">
                        <span className="txt-compact-small-plus">{form.title}</span>
                        {form.description && (
                          <span className="text-ui-fg-subtle txt-compact-xsmall max-w-[480px] truncate">{form.description}</span>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{form.field_count}</Table.Cell>
                    <Table.Cell>
                      <Badge size="2xsmall">v{form.version}</Badge>
                    </Table.Cell>
                    <Table.Cell>{formatDate(form.updated_at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <OffsetPagination
              count={data.count}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={(next) => {
                const p = new URLSearchParams(params)
                p.set("offset", String(next))
                setParams(p, { replace: true })
              }}
            />
          </>
        )}
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Intake forms",
  icon: ListCheckbox,
})

export default IntakeFormsPage
