import { Button, Checkbox, Drawer, Input, Text, toast } from "@medusajs/ui"
import { QueryState } from "../common/query-state"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { portico, toastError } from "../../lib/api"
import { porticoKeys } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { useDebounced } from "../../lib/use-debounced"

/**
 * Picks services (products) to put in a folder: search, tick several, add.
 * A service that is in another folder moves here.
 */
export const AddServicesDrawer = ({
  folder,
  open,
  onOpenChange,
  existing,
}: {
  folder: { id: string; name: string }
  open: boolean
  onOpenChange: (open: boolean) => void
  existing: string[]
}) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content data-testid="add-services-drawer">
      {open && <Picker folder={folder} existing={existing} onDone={() => onOpenChange(false)} />}
    </Drawer.Content>
  </Drawer>
)

const Picker = ({
  folder,
  existing,
  onDone,
}: {
  folder: { id: string; name: string }
  existing: string[]
  onDone: () => void
}) => {
  const queryClient = useQueryClient()
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim())
  const [picked, setPicked] = useState<string[]>([])
  const { data, isLoading, error } = useQuery({
    queryKey: ["portico", "product-picker", search],
    queryFn: () =>
      sdk.admin.product.list({ q: search || undefined, limit: 50, fields: "id,title,handle" }),
  })

  const add = useMutation({
    mutationFn: () =>
      portico.admin.folders.services(folder.id, { add: picked }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.folders }),
        queryClient.invalidateQueries({ queryKey: porticoKeys.serviceSettings }),
      ])
      toast.success(`${picked.length === 1 ? "1 service" : `${picked.length} services`} added to "${folder.name}"`)
      onDone()
    },
    onError: toastError,
  })

  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((p) => p !== id)))

  return (
    <>
      <Drawer.Header>
        <Drawer.Title>Add services to {folder.name}</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          A service belongs to one folder: one that is in another folder moves here.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Input
          type="search"
          placeholder="Search services"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="service-search"
          autoFocus
        />
        <QueryState data={data} error={error} loading={isLoading || !data} empty={!data?.products.length && <>No services match “{search}”.</>} className="">
          {(data) => (
            <ul className="divide-y rounded-lg border">
              {data.products.map((product) => {
                const already = existing.includes(product.id)
                const id = `pick-${product.id}`
                return (
                  <li key={product.id} data-testid="service-option" data-handle={product.handle}>
                    <label htmlFor={id} className="flex cursor-pointer items-center gap-x-3 px-3 py-2">
                      <Checkbox
                        id={id}
                        disabled={already}
                        checked={already || picked.includes(product.id)}
                        onCheckedChange={(checked) => toggle(product.id, checked === true)}
                      />
                      <div className="flex min-w-0 flex-1 flex-col">
                        <Text size="small" weight="plus" leading="compact" className="truncate">
                          {product.title}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle truncate">
                          {already ? "Already in this folder" : product.handle}
                        </Text>
                      </div>
                    </label>
                  </li>
                )
              })}
            </ul>
          )}
        </QueryState>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary">
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          disabled={!picked.length}
          isLoading={add.isPending}
          onClick={() => add.mutate()}
          data-testid="add-services-confirm"
        >
          {picked.length ? `Add ${picked.length === 1 ? "1 service" : `${picked.length} services`}` : "Add services"}
        </Button>
      </Drawer.Footer>
    </>
  )
}
