import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueryState } from "../../components/common/query-state"
import {
  ArrowDownMini,
  ArrowUpMini,
  EllipsisHorizontal,
  Eye,
  EyeSlash,
  Folder,
  FolderOpen,
  PencilSquare,
  Plus,
  Trash,
} from "@medusajs/icons"
import {
  Badge,
  Button,
  clx,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { FolderFormDrawer, type FolderFormTarget } from "../../components/folders/folder-form-drawer"
import { FolderServices } from "../../components/folders/folder-services"
import { portico, toastError } from "../../lib/api"
import { flattenTree, useFolderTree, type FlatFolder } from "../../lib/folders"
import { porticoKeys } from "../../lib/query-keys"
import type { FolderNode } from "../../lib/types"

/**
 * Admin page "Service folders": the catalog's folder tree (hidden folders
 * included) with create, edit / move, reorder, hide / show and delete, and the
 * services of the selected folder with remove and "Add services".
 */
const ServiceFoldersPage = () => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading, error } = useFolderTree()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [formTarget, setFormTarget] = useState<FolderFormTarget | null>(null)

  const tree = useMemo(() => data?.folders ?? [], [data])
  const rows = useMemo(() => flattenTree(tree), [tree])
  const selected = rows.find((r) => r.folder.id === selectedId)?.folder

  const refresh = () => queryClient.invalidateQueries({ queryKey: porticoKeys.folders })

  const reorder = useMutation({
    mutationFn: (body: { parent_id: string | null; ids: string[] }) =>
      portico.admin.folders.reorder(body),
    onSuccess: refresh,
    onError: toastError,
  })

  const setVisibility = useMutation({
    mutationFn: (folder: FolderNode) =>
      portico.admin.folders.update(folder.id, { is_visible: !folder.is_visible }),
    onSuccess: async (_res, folder) => {
      await refresh()
      toast.success(folder.is_visible ? `"${folder.name}" is hidden from the storefront` : `"${folder.name}" is visible`)
    },
    onError: toastError,
  })

  const remove = useMutation({
    mutationFn: (folder: FolderNode) => portico.admin.folders.delete(folder.id),
    onSuccess: async (_res, folder) => {
      if (selectedId === folder.id) {
        setSelectedId(null)
      }
      await refresh()
      toast.success(`Folder "${folder.name}" deleted`)
    },
    onError: toastError,
  })

  const move = ({ folder, siblings, index }: FlatFolder, by: -1 | 1) => {
    const ids = siblings.map((s) => s.id)
    const to = index + by
    ;[ids[index], ids[to]] = [ids[to], ids[index]]
    reorder.mutate({ parent_id: folder.parent_id ?? null, ids })
  }

  const confirmDelete = async (folder: FolderNode) => {
    const confirmed = await prompt({
      title: `Delete "${folder.name}"?`,
      description:
        "The folder is deleted for good. A folder that still holds services or sub-folders is not deleted: move them first.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) {
      remove.mutate(folder)
    }
  }

  const busy = reorder.isPending || setVisibility.isPending || remove.isPending

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h1">Service folders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Folders organise services in the storefront catalog. Select a folder to manage its services.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            onClick={() => setFormTarget({ mode: "create", parentId: null })}
            data-testid="create-folder"
          >
            Create folder
          </Button>
        </div>
        <QueryState error={error} loading={isLoading} empty={!rows.length && "No folders yet. Create one to organise your services."}>
          {() => (
            <Table data-testid="folder-tree">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Handle</Table.HeaderCell>
                  <Table.HeaderCell>Visibility</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Services</Table.HeaderCell>
                  <Table.HeaderCell className="w-[1%]" />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((row) => {
                  const { folder, depth, siblings, index } = row
                  const isSelected = folder.id === selectedId
                  return (
                    <Table.Row
                      key={folder.id}
                      data-testid={`folder-row-${folder.handle}`}
                      aria-selected={isSelected}
                      className={clx("cursor-pointer", isSelected && "bg-ui-bg-highlight hover:bg-ui-bg-highlight-hover")}
                      onClick={() => setSelectedId(folder.id)}
                    >
                      <Table.Cell>
                        <div className="flex items-center gap-x-2" style={{ paddingLeft: depth * 24 }}>
                          {isSelected ? (
                            <FolderOpen className="text-ui-fg-interactive shrink-0" />
                          ) : (
                            <Folder className="text-ui-fg-muted shrink-0" />
                          )}
                          <span className={clx("truncate", !folder.is_visible && "text-ui-fg-subtle")} title={folder.description ?? undefined}>
                            {folder.name}
                          </span>
                        </div>
                      </Table.Cell>
                      <Table.Cell className="text-ui-fg-subtle font-mono text-xs">{folder.handle}</Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall" color={folder.is_visible ? "green" : "grey"} data-testid="folder-visibility">
                          {folder.is_visible ? "Visible" : "Hidden"}
                        </Badge>
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-testid="folder-service-count">
                        {folder.service_count}
                      </Table.Cell>
                      <Table.Cell onClick={(e) => e.stopPropagation()}>
                        <div className="flex items-center justify-end gap-x-1">
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label={`Move ${folder.name} up`}
                            data-testid="folder-move-up"
                            disabled={index === 0 || busy}
                            onClick={() => move(row, -1)}
                          >
                            <ArrowUpMini />
                          </IconButton>
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label={`Move ${folder.name} down`}
                            data-testid="folder-move-down"
                            disabled={index === siblings.length - 1 || busy}
                            onClick={() => move(row, 1)}
                          >
                            <ArrowDownMini />
                          </IconButton>
                          <DropdownMenu>
                            <DropdownMenu.Trigger asChild>
                              <IconButton
                                size="small"
                                variant="transparent"
                                aria-label={`Actions for ${folder.name}`}
                                data-testid="folder-actions"
                              >
                                <EllipsisHorizontal />
                              </IconButton>
                            </DropdownMenu.Trigger>
                            <DropdownMenu.Content align="end">
                              <DropdownMenu.Item
                                className="gap-x-2"
                                data-testid="folder-action-add-child"
                                onClick={() => setFormTarget({ mode: "create", parentId: folder.id })}
                              >
                                <Plus className="text-ui-fg-subtle" />
                                Add sub-folder
                              </DropdownMenu.Item>
                              <DropdownMenu.Item
                                className="gap-x-2"
                                data-testid="folder-action-edit"
                                onClick={() => setFormTarget({ mode: "edit", folder })}
                              >
                                <PencilSquare className="text-ui-fg-subtle" />
                                Edit
                              </DropdownMenu.Item>
                              <DropdownMenu.Item
                                className="gap-x-2"
                                data-testid="folder-action-visibility"
                                onClick={() => setVisibility.mutate(folder)}
                              >
                                {folder.is_visible ? (
                                  <EyeSlash className="text-ui-fg-subtle" />
                                ) : (
                                  <Eye className="text-ui-fg-subtle" />
                                )}
                                {folder.is_visible ? "Hide" : "Show"}
                              </DropdownMenu.Item>
                              <DropdownMenu.Separator />
                              <DropdownMenu.Item
                                className="gap-x-2"
                                data-testid="folder-action-delete"
                                onClick={() => confirmDelete(folder)}
                              >
                                <Trash className="text-ui-fg-subtle" />
                                Delete
                              </DropdownMenu.Item>
                            </DropdownMenu.Content>
                          </DropdownMenu>
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          )}
        </QueryState>
      </Container>

      {selected ? (
        <FolderServices key={selected.id} folderId={selected.id} />
      ) : rows.length ? (
        <Container className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Select a folder to see and manage its services.
          </Text>
        </Container>
      ) : null}

      <FolderFormDrawer
        target={formTarget}
        tree={tree}
        onClose={() => setFormTarget(null)}
        onSaved={(id) => setSelectedId(id)}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Service folders",
  icon: FolderOpen,
})

export default ServiceFoldersPage
