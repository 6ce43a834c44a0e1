import { XMark } from "@medusajs/icons"
import { QueryState } from "../common/query-state"
import { Badge, Button, Container, Heading, IconButton, Table, Text, Tooltip, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { portico, toastError } from "../../lib/api"
import { porticoKeys } from "../../lib/query-keys"
import { AddServicesDrawer } from "./add-services-drawer"

const STATUS_COLOR: Record<string, "green" | "grey" | "orange" | "red"> = {
  published: "green",
  draft: "grey",
  proposed: "orange",
  rejected: "red",
}

/** The services directly in one folder, in order, with remove buttons and the "Add services" picker. */
export const FolderServices = ({ folderId }: { folderId: string }) => {
  const queryClient = useQueryClient()
  const [picking, setPicking] = useState(false)
  const { data, isLoading, error } = useQuery({
    queryKey: porticoKeys.folder(folderId),
    queryFn: () => portico.admin.folders.retrieve(folderId),
  })
  const remove = useMutation({
    mutationFn: (productId: string) =>
      portico.admin.folders.services(folderId, { remove: [productId] }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.folders }),
        queryClient.invalidateQueries({ queryKey: porticoKeys.serviceSettings }),
      ])
      toast.success("Service removed from the folder")
    },
    onError: toastError,
  })
  const folder = data?.folder

  return (
    <Container className="divide-y p-0" data-testid="folder-services">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="min-w-0">
          <Heading level="h2" className="truncate">
            {folder ? `Services in ${folder.name}` : "Services"}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The services listed directly in this folder, in storefront order.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          disabled={!folder}
          onClick={() => setPicking(true)}
          data-testid="add-services"
        >
          Add services
        </Button>
      </div>
      <QueryState data={folder} error={error} loading={isLoading || !folder} empty={!folder?.services.length && "No services in this folder yet."}>
        {(folder) => (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Service</Table.HeaderCell>
                <Table.HeaderCell>Handle</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="w-12" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {folder.services.map((service) => (
                <Table.Row key={service.id} data-testid="folder-service" data-handle={service.handle}>
                  <Table.Cell>
                    <div className="flex items-center gap-x-3">
                      <div className="bg-ui-bg-component flex h-8 w-6 shrink-0 items-center justify-center overflow-hidden rounded-[4px] border">
                        {service.thumbnail && <img src={service.thumbnail} alt="" className="h-full w-full object-cover" />}
                      </div>
                      <Link to={`/products/${service.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                        {service.title}
                      </Link>
                    </div>
                  </Table.Cell>
                  <Table.Cell className="text-ui-fg-subtle font-mono text-xs">{service.handle}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={STATUS_COLOR[service.status] ?? "grey"} className="capitalize">
                      {service.status}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <Tooltip content="Remove from this folder">
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-label={`Remove ${service.title} from this folder`}
                        data-testid="remove-service"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(service.id)}
                      >
                        <XMark />
                      </IconButton>
                    </Tooltip>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
      {folder && (
        <AddServicesDrawer
          folder={folder}
          open={picking}
          onOpenChange={setPicking}
          existing={folder.services.map((s) => s.id)}
        />
      )}
    </Container>
  )
}
