import { Button, Drawer, Input, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { fieldErrorsOf, portico } from "../../lib/api"
import { formatBytes, useFileDownloads, type AdminProductFile } from "../../lib/entitlements"
import { formatDateTime } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import { useOrderNumbers } from "../../lib/subscriptions"
import { FormField } from "../common/form-field"
import { OffsetPagination } from "../common/offset-pagination"
import { QueryState } from "../common/query-state"

/** Longest file title the API accepts. */
const TITLE_MAX = 200

/** After a change to a service's files: its list (and the download pages) are fetched again. */
function useRefreshFiles(productId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: porticoKeys.filesOf(productId) })
}

/**
 * A drawer form that sends one request: the server's refusals naming one of
 * `fields` (its `errors[]`) are shown at that field, the others as a toast.
 */
const FileForm = ({
  title,
  description,
  submitLabel,
  fields,
  canSubmit,
  send,
  success,
  onDone,
  testId,
  children,
}: {
  title: string
  description: ReactNode
  submitLabel: string
  fields: string[]
  canSubmit: boolean
  send: () => Promise<unknown>
  success: string
  onDone: () => void
  testId: string
  children: (errors: Record<string, string>) => ReactNode
}) => {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const run = useMutation({ mutationFn: send })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit || run.isPending) {
      return
    }
    run.mutate(undefined, {
      onSuccess: () => {
        setErrors({})
        toast.success(success)
        onDone()
      },
      onError: (error) => {
        const byField = fieldErrorsOf(error)
        setErrors(byField)
        if (!fields.some((f) => byField[f])) {
          toast.error(error.message)
        }
      },
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid={testId}>
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
        <Button size="small" type="submit" disabled={!canSubmit} isLoading={run.isPending} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** A native file picker in a dashed box, with the chosen file's size. */
const FilePicker = ({ id, file, onFile }: { id: string; file: File | null; onFile: (file: File | null) => void }) => (
  <div className="border-ui-border-strong flex flex-col items-center gap-y-1 rounded-lg border border-dashed px-4 py-4 text-center">
    <input
      id={id}
      type="file"
      className="text-ui-fg-subtle txt-small max-w-full"
      data-testid={id}
      onChange={(e) => onFile(e.target.files?.[0] ?? null)}
    />
    <Text size="xsmall" className="text-ui-fg-subtle">
      {file ? `${file.name} · ${formatBytes(file.size)}` : "Any file: an installer, a PDF, an archive…"}
    </Text>
  </div>
)

/** "Add file": a file and an optional title (the file's name when empty). */
export const AddFileForm = ({ productId, onDone }: { productId: string; onDone: () => void }) => {
  const refresh = useRefreshFiles(productId)
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState("")
  return (
    <FileForm
      title="Add file"
      description="Clients who bought this service download it in the portal. It is stored privately: only they (and you) can get it."
      submitLabel="Upload"
      fields={["file", "title"]}
      canSubmit={!!file}
      testId="product-file-add"
      send={async () => {
        const body = new FormData()
        body.append("file", file!)
        if (title.trim()) body.append("title", title.trim())
        await portico.admin.files.create(productId, body)
        await refresh()
      }}
      success="File added"
      onDone={onDone}
    >
      {(errors) => (
        <>
          <FormField id="product-file-input" label="File" error={errors.file}>
            <FilePicker id="product-file-input" file={file} onFile={setFile} />
          </FormField>
          <FormField
            id="product-file-title"
            label="Title"
            optional
            hint="What clients see, e.g. “Installer for macOS”. Empty: the file's name."
            error={errors.title}
          >
            <Input
              id="product-file-title"
              data-testid="product-file-title"
              maxLength={TITLE_MAX}
              placeholder={file?.name ?? "Installer for macOS"}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </FormField>
        </>
      )}
    </FileForm>
  )
}

/** "Replace": uploads a new version; clients get it from now on, earlier versions stay on record. */
export const ReplaceFileForm = ({ file: current, onDone }: { file: AdminProductFile; onDone: () => void }) => {
  const refresh = useRefreshFiles(current.product_id)
  const [file, setFile] = useState<File | null>(null)
  const next = current.current_version.version + 1
  return (
    <FileForm
      title={`Replace “${current.title}”`}
      description={`Uploads version ${next}. From then on clients who download “${current.title}” get the new version; version ${current.current_version.version} and earlier stay on record here.`}
      submitLabel={`Upload version ${next}`}
      fields={["file"]}
      canSubmit={!!file}
      testId="product-file-replace"
      send={async () => {
        const body = new FormData()
        body.append("file", file!)
        await portico.admin.files.replace(current.product_id, current.id, body)
        await refresh()
      }}
      success={`Version ${next} uploaded: clients now get it`}
      onDone={onDone}
    >
      {(errors) => (
        <FormField
          id="product-file-replace-input"
          label="New version"
          hint={`Now: ${current.current_version.filename} (${formatBytes(current.current_version.size)}).`}
          error={errors.file}
        >
          <FilePicker id="product-file-replace-input" file={file} onFile={setFile} />
        </FormField>
      )}
    </FileForm>
  )
}

/** "Rename": the title clients see. */
export const RenameFileForm = ({ file, onDone }: { file: AdminProductFile; onDone: () => void }) => {
  const refresh = useRefreshFiles(file.product_id)
  const [title, setTitle] = useState(file.title)
  const trimmed = title.trim()
  return (
    <FileForm
      title="Rename file"
      description="The title clients see in the portal. The file itself does not change."
      submitLabel="Save"
      fields={["title"]}
      canSubmit={!!trimmed && trimmed !== file.title}
      testId="product-file-rename"
      send={async () => {
        await portico.admin.files.update(file.product_id, file.id, { title: trimmed })
        await refresh()
      }}
      success="File renamed"
      onDone={onDone}
    >
      {(errors) => (
        <FormField id="product-file-rename-title" label="Title" error={errors.title}>
          <Input
            id="product-file-rename-title"
            data-testid="product-file-rename-title"
            maxLength={TITLE_MAX}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </FormField>
      )}
    </FileForm>
  )
}

const DOWNLOADS_PAGE = 20

/** "Downloads": who downloaded which version of the file, and when, newest first. */
export const FileDownloads = ({ file }: { file: AdminProductFile }) => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useFileDownloads(file.product_id, file.id, offset, DOWNLOADS_PAGE)
  const orders = useOrderNumbers((data?.downloads ?? []).map((d) => d.order_id).filter((id): id is string => !!id))
  return (
    <div className="flex flex-1 flex-col overflow-hidden" data-testid="product-file-downloads">
      <Drawer.Header>
        <Drawer.Title>Downloads of “{file.title}”</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          Every download by a client: who, which version, when. {file.download_count} in all.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col overflow-y-auto p-0">
        <QueryState
          data={data}
          error={error}
          loading={isLoading || !data}
          empty={!data?.downloads.length && "Not downloaded yet."}
          emptyTestId="product-file-downloads-empty"
        >
          {(data) => (
            <>
              <Table data-testid="product-file-download-table">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>When</Table.HeaderCell>
                    <Table.HeaderCell>Client</Table.HeaderCell>
                    <Table.HeaderCell>Version</Table.HeaderCell>
                    <Table.HeaderCell>Order</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.downloads.map((d) => (
                    <Table.Row key={d.id} data-testid="product-file-download-row">
                      <Table.Cell className="whitespace-nowrap">{formatDateTime(d.created_at)}</Table.Cell>
                      <Table.Cell data-testid="product-file-download-email">
                        {d.customer_id ? (
                          <Link to={`/customers/${d.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                            {d.email ?? "View customer"}
                          </Link>
                        ) : (
                          (d.email ?? "—")
                        )}
                      </Table.Cell>
                      <Table.Cell data-testid="product-file-download-version">
                        <div className="flex flex-col py-1">
                          <span>v{d.version}</span>
                          <span className="text-ui-fg-subtle txt-compact-xsmall max-w-[160px] truncate" title={d.filename}>
                            {d.filename}
                          </span>
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        {d.order_id ? (
                          <Link to={`/orders/${d.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover whitespace-nowrap">
                            {orders.data?.get(d.order_id) != null ? `#${orders.data.get(d.order_id)}` : "View order"}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {data.count > DOWNLOADS_PAGE && (
                <OffsetPagination count={data.count} offset={offset} pageSize={DOWNLOADS_PAGE} onOffset={setOffset} />
              )}
            </>
          )}
        </QueryState>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Close
          </Button>
        </Drawer.Close>
      </Drawer.Footer>
    </div>
  )
}
