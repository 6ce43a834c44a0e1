import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import {
  ArrowDownTray,
  ArrowPath,
  CloudArrowUp,
  EllipsisHorizontal,
  PencilSquare,
  Trash,
  TriangleRightMini,
  Users,
} from "@medusajs/icons"
import { Button, Container, DropdownMenu, Drawer, Heading, IconButton, Table, Text, clx, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Fragment, useState } from "react"
import { QueryState } from "../components/common/query-state"
import { AddFileForm, FileDownloads, RenameFileForm, ReplaceFileForm } from "../components/files/file-drawers"
import { portico } from "../lib/api"
import { fileVersionUrl, formatBytes, useProductFiles, type AdminProductFile } from "../lib/entitlements"
import { formatDate, formatDateTime } from "../lib/format"
import { porticoKeys } from "../lib/query-keys"

type Panel =
  | { type: "add" }
  | { type: "replace"; file: AdminProductFile }
  | { type: "rename"; file: AdminProductFile }
  | { type: "downloads"; file: AdminProductFile }

/**
 * Product widget "Files" (product details, main column): the files clients
 * who bought this service download in the portal (always the newest
 * version of each). The merchant adds a file, replaces it with a new version,
 * renames or removes it; a file opens to show every version (each
 * downloadable here), and "Downloads" lists who took which version and
 * when. A hint says so while the service's Files setting is off.
 */
const ProductFilesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const settings = useQuery({
    queryKey: porticoKeys.settingsOf(product.id),
    queryFn: () => portico.admin.services.settings(product.id),
  })
  const { data, isLoading, error } = useProductFiles(product.id)
  const [panel, setPanel] = useState<Panel | null>(null)
  const close = () => setPanel(null)
  const filesOff = settings.data?.service_settings.files_enabled === false

  return (
    <Container className="divide-y p-0" data-testid="product-files">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Files</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Clients who bought this service download these in the portal: always the newest version.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          onClick={() => setPanel({ type: "add" })}
          data-testid="product-file-add-open"
        >
          <CloudArrowUp />
          Add file
        </Button>
      </div>
      {filesOff && (
        <Text size="small" className="text-ui-fg-subtle bg-ui-bg-subtle px-6 py-3" data-testid="product-files-off">
          Files are off for this service: clients do not see them. Turn on “Files” in Service settings to deliver them.
        </Text>
      )}
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={!data?.files.length && "No files yet."}
        emptyTestId="product-files-empty"
      >
        {(data) => <FileTable files={data.files} onPanel={setPanel} />}
      </QueryState>
      <Drawer open={!!panel} onOpenChange={(open) => !open && close()}>
        <Drawer.Content data-testid="product-file-drawer">
          {panel?.type === "add" && <AddFileForm productId={product.id} onDone={close} />}
          {panel?.type === "replace" && <ReplaceFileForm file={panel.file} onDone={close} />}
          {panel?.type === "rename" && <RenameFileForm file={panel.file} onDone={close} />}
          {panel?.type === "downloads" && <FileDownloads file={panel.file} />}
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

/** The files, in the merchant's order; each opens to list its versions. */
const FileTable = ({ files, onPanel }: { files: AdminProductFile[]; onPanel: (panel: Panel) => void }) => {
  const [expanded, setExpanded] = useState<Set<string>>(new Set())
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })

  return (
    <div className="overflow-x-auto">
      <Table data-testid="product-file-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8" />
            <Table.HeaderCell>File</Table.HeaderCell>
            <Table.HeaderCell>Version</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Size</Table.HeaderCell>
            <Table.HeaderCell>Uploaded</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Downloads</Table.HeaderCell>
            <Table.HeaderCell className="w-10" />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {files.map((f) => {
            const open = expanded.has(f.id)
            const v = f.current_version
            return (
              <Fragment key={f.id}>
                <Table.Row data-testid="product-file-row" data-id={f.id}>
                  <Table.Cell>
                    <IconButton
                      size="2xsmall"
                      variant="transparent"
                      aria-label={open ? "Hide versions" : "Show versions"}
                      aria-expanded={open}
                      onClick={() => toggle(f.id)}
                      data-testid="product-file-toggle"
                    >
                      <TriangleRightMini className={clx("transition-transform", open && "rotate-90")} />
                    </IconButton>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col py-1">
                      <span className="txt-compact-small-plus" data-testid="product-file-title">
                        {f.title}
                      </span>
                      <span className="text-ui-fg-subtle txt-compact-xsmall break-all" data-testid="product-file-filename">
                        {v.filename}
                      </span>
                    </div>
                  </Table.Cell>
                  <Table.Cell className="tabular-nums" data-testid="product-file-version">
                    v{v.version}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatBytes(v.size)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDate(v.created_at)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    <button
                      type="button"
                      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                      onClick={() => onPanel({ type: "downloads", file: f })}
                      data-testid="product-file-download-count"
                    >
                      {f.download_count}
                    </button>
                  </Table.Cell>
                  <Table.Cell>
                    <FileMenu file={f} onPanel={onPanel} />
                  </Table.Cell>
                </Table.Row>
                {open && (
                  <Table.Row className="hover:bg-transparent" data-testid="product-file-versions-row">
                    {/* A plain cell: Table.Cell does not take colSpan. */}
                    <td colSpan={7} className="bg-ui-bg-subtle px-6 py-3">
                      <Versions file={f} />
                    </td>
                  </Table.Row>
                )}
              </Fragment>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}

/** Every version of a file, newest first, each downloadable with the admin session. */
const Versions = ({ file }: { file: AdminProductFile }) => (
  <table className="w-full" data-testid="product-file-version-table">
    <thead>
      <tr className="text-ui-fg-subtle txt-compact-xsmall-plus text-left">
        <th className="py-1 pr-4 font-medium">Version</th>
        <th className="py-1 pr-4 font-medium">File</th>
        <th className="py-1 pr-4 text-right font-medium">Size</th>
        <th className="py-1 pr-4 font-medium">Uploaded</th>
        <th className="py-1 font-medium" />
      </tr>
    </thead>
    <tbody>
      {file.versions.map((v) => (
        <tr key={v.id} className="txt-compact-small align-top" data-testid="product-file-version-row" data-version={v.version}>
          <td className="whitespace-nowrap py-1 pr-4 tabular-nums">
            v{v.version}
            {v.id === file.current_version.id && <span className="text-ui-fg-subtle"> · current</span>}
          </td>
          <td className="py-1 pr-4">
            <div className="break-all">{v.filename}</div>
            <div className="text-ui-fg-subtle txt-compact-xsmall">{v.mime_type}</div>
          </td>
          <td className="whitespace-nowrap py-1 pr-4 text-right tabular-nums">{formatBytes(v.size)}</td>
          <td className="whitespace-nowrap py-1 pr-4">{formatDateTime(v.created_at)}</td>
          <td className="py-1 text-right">
            <a
              href={fileVersionUrl(file.product_id, file.id, v.id)}
              download={v.filename}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"
              data-testid="product-file-version-download"
            >
              <ArrowDownTray />
              Download
            </a>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
)

/** A file's "…" menu: rename, replace, downloads, remove (confirmed). */
const FileMenu = ({ file, onPanel }: { file: AdminProductFile; onPanel: (panel: Panel) => void }) => {
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () => portico.admin.files.delete(file.product_id, file.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: porticoKeys.filesOf(file.product_id) })
      toast.success(`“${file.title}” removed`)
    },
    onError: (e) => toast.error(e.message),
  })

  const confirmRemove = async () => {
    const confirmed = await prompt({
      title: `Remove “${file.title}”?`,
      description:
        "Clients can no longer download it from the portal. Its versions and the record of its downloads are kept.",
      confirmText: "Remove",
      cancelText: "Back",
      variant: "danger",
    })
    if (confirmed) {
      remove.mutate()
    }
  }

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label="Manage file" disabled={remove.isPending} data-testid="product-file-manage">
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item className="flex items-center gap-x-2" onClick={() => onPanel({ type: "replace", file })} data-testid="product-file-action-replace">
          <ArrowPath className="text-ui-fg-subtle" />
          Replace with a new version
        </DropdownMenu.Item>
        <DropdownMenu.Item className="flex items-center gap-x-2" onClick={() => onPanel({ type: "rename", file })} data-testid="product-file-action-rename">
          <PencilSquare className="text-ui-fg-subtle" />
          Rename
        </DropdownMenu.Item>
        <DropdownMenu.Item className="flex items-center gap-x-2" onClick={() => onPanel({ type: "downloads", file })} data-testid="product-file-action-downloads">
          <Users className="text-ui-fg-subtle" />
          Downloads
        </DropdownMenu.Item>
        <DropdownMenu.Separator />
        <DropdownMenu.Item className="flex items-center gap-x-2" onClick={() => void confirmRemove()} data-testid="product-file-action-remove">
          <Trash className="text-ui-fg-subtle" />
          Remove
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductFilesWidget
