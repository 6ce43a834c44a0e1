import { Button, Drawer, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState, type FormEvent } from "react"
import type { AdminUpdateFolderBody } from "../../../contracts/http"
import { fieldErrorsOf, portico, PorticoApiError } from "../../lib/api"
import { flattenTree, indentedName, subtreeIds } from "../../lib/folders"
import { porticoKeys } from "../../lib/query-keys"
import { slugify } from "../../lib/format"
import type { FolderNode } from "../../lib/types"
import { FormField } from "../common/form-field"

/** What the drawer edits: a new folder (under `parentId`, or top level) or an existing one. */
export type FolderFormTarget =
  | { mode: "create"; parentId: string | null }
  | { mode: "edit"; folder: FolderNode }

const TOP_LEVEL = "__top__"

/**
 * The create / edit folder drawer: name, handle (suggested from the name
 * until the merchant types one), description, parent (moving the folder) and
 * visibility. Field errors from the server (`handle_taken`, `folder_cycle`, …)
 * are shown under their field.
 */
export const FolderFormDrawer = ({
  target,
  tree,
  onClose,
  onSaved,
}: {
  target: FolderFormTarget | null
  tree: FolderNode[]
  onClose: () => void
  onSaved?: (folderId: string) => void
}) => (
  <Drawer open={!!target} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content data-testid="folder-form">
      {target && (
        <FolderForm
          key={target.mode === "edit" ? target.folder.id : `new-${target.parentId}`}
          target={target}
          tree={tree}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer.Content>
  </Drawer>
)

const FolderForm = ({
  target,
  tree,
  onClose,
  onSaved,
}: {
  target: FolderFormTarget
  tree: FolderNode[]
  onClose: () => void
  onSaved?: (folderId: string) => void
}) => {
  const queryClient = useQueryClient()
  const editing = target.mode === "edit" ? target.folder : null
  const [name, setName] = useState(editing?.name ?? "")
  const [handle, setHandle] = useState(editing?.handle ?? "")
  const [handleTouched, setHandleTouched] = useState(!!editing)
  const [description, setDescription] = useState(editing?.description ?? "")
  const [parentId, setParentId] = useState<string | null>(
    editing ? editing.parent_id : target.mode === "create" ? target.parentId : null
  )
  const [visible, setVisible] = useState(editing?.is_visible ?? true)
  const [errors, setErrors] = useState<Record<string, string>>({})

  // A folder cannot move into itself or one of its sub-folders.
  const parents = useMemo(() => {
    const excluded = editing ? subtreeIds(editing) : new Set<string>()
    return flattenTree(tree).filter((f) => !excluded.has(f.folder.id))
  }, [tree, editing])

  const save = useMutation({
    mutationFn: async () => {
      if (!editing) {
        // Without a position the API puts a new folder after its siblings.
        const body = {
          name: name.trim(),
          handle: handle.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          parent_id: parentId,
          is_visible: visible,
        }
        return portico.admin.folders.create(body)
      }
      const body: AdminUpdateFolderBody = {}
      if (name.trim() !== editing.name) body.name = name.trim()
      if (handle.trim() !== editing.handle) body.handle = handle.trim()
      if (description.trim() !== (editing.description ?? "")) body.description = description.trim() || null
      if (parentId !== editing.parent_id) body.parent_id = parentId
      if (visible !== editing.is_visible) body.is_visible = visible
      if (!Object.keys(body).length) {
        return { folder: editing }
      }
      return portico.admin.folders.update(editing.id, body)
    },
    onSuccess: async ({ folder }) => {
      await queryClient.invalidateQueries({ queryKey: porticoKeys.folders })
      toast.success(editing ? `Folder "${folder.name}" saved` : `Folder "${folder.name}" created`)
      onSaved?.(folder.id)
      onClose()
    },
    onError: (error) => {
      const byField = fieldErrorsOf(error)
      setErrors(byField)
      const shownOnField = ["name", "handle", "description", "parent_id", "is_visible"].some((f) => byField[f])
      if (!shownOnField || !(error instanceof PorticoApiError)) {
        toast.error(error.message)
      }
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors({})
    save.mutate()
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{editing ? "Edit folder" : "Create folder"}</Drawer.Title>
        <Drawer.Description className="sr-only">
          {editing ? "Rename, move or hide the folder." : "A new folder for services."}
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <FormField id="folder-name" label="Name" error={errors.name}>
          <Input
            id="folder-name"
            data-testid="folder-name"
            value={name}
            autoFocus
            onChange={(e) => {
              setName(e.target.value)
              if (!handleTouched) {
                setHandle(slugify(e.target.value))
              }
            }}
          />
        </FormField>
        <FormField
          id="folder-handle"
          label="Handle"
          hint="Used in the storefront's address: lowercase letters and digits separated by dashes."
          error={errors.handle}
        >
          <Input
            id="folder-handle"
            data-testid="folder-handle"
            value={handle}
            onChange={(e) => {
              setHandleTouched(true)
              setHandle(e.target.value)
            }}
          />
        </FormField>
        <FormField id="folder-description" label="Description" optional error={errors.description}>
          <Textarea
            id="folder-description"
            data-testid="folder-description"
            value={description}
            rows={3}
            onChange={(e) => setDescription(e.target.value)}
          />
        </FormField>
        <FormField
          id="folder-parent"
          label="Parent folder"
          hint={editing ? "Choose another parent to move the folder with everything in it." : undefined}
          error={errors.parent_id}
        >
          <Select value={parentId ?? TOP_LEVEL} onValueChange={(v) => setParentId(v === TOP_LEVEL ? null : v)}>
            <Select.Trigger id="folder-parent" data-testid="folder-parent">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={TOP_LEVEL}>Top level</Select.Item>
              {parents.map((f) => (
                <Select.Item key={f.folder.id} value={f.folder.id}>
                  {indentedName(f)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
        <div className="flex items-start justify-between gap-x-4">
          <div>
            <Text size="small" weight="plus" leading="compact">
              Visible in the storefront
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Hidden folders, and everything in them, are not shown to clients.
            </Text>
          </div>
          <Switch data-testid="folder-visible" checked={visible} onCheckedChange={setVisible} aria-label="Visible in the storefront" />
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="folder-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}
