import { defineRouteConfig } from "@medusajs/admin-sdk"
import { FolderOpen } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

type Folder = {
  id: string
  name: string
  handle: string
  parent_id: string | null
  position: number
  is_visible: boolean
}

type FolderList = { folders: Folder[]; count: number }

/** Admin page: the catalog's service folders. */
const ServiceFoldersPage = () => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["portico", "folders"],
    queryFn: () =>
      sdk.client.fetch<FolderList>("/admin/portico/folders", {
        query: { limit: 100 },
      }),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Service folders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Folders organise services in the storefront catalog.
          </Text>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">{error.message}</Text>
      ) : isLoading ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : !data?.folders.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No folders yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Handle</Table.HeaderCell>
              <Table.HeaderCell>Position</Table.HeaderCell>
              <Table.HeaderCell>Visibility</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.folders.map((folder) => (
              <Table.Row key={folder.id}>
                <Table.Cell>{folder.name}</Table.Cell>
                <Table.Cell>{folder.handle}</Table.Cell>
                <Table.Cell>{folder.position}</Table.Cell>
                <Table.Cell>
                  <Badge color={folder.is_visible ? "green" : "grey"} size="2xsmall">
                    {folder.is_visible ? "Visible" : "Hidden"}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Service folders",
  icon: FolderOpen,
})

export default ServiceFoldersPage
