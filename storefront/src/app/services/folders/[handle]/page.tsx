import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { getFolderTree, listFolderServices } from "@lib/data/folders"
import { getCurrentRegion } from "@lib/data/regions"
import FolderTemplate from "@modules/catalog/templates/folder-template"

const PAGE_SIZE = 12

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ page?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await getCurrentRegion()
  const found = region ? await listFolderServices((await params).handle, { regionId: region.id, limit: 1 }) : undefined
  return { title: found?.folder.name ?? "Folder not found", description: found?.folder.description ?? undefined }
}

export default async function FolderPage({ params, searchParams }: Props) {
  const { handle } = await params
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1)
  const region = await getCurrentRegion()
  if (!region) {
    return <p className="mx-auto max-w-content px-6 py-16">This store has no region yet.</p>
  }
  const [found, tree] = await Promise.all([
    listFolderServices(handle, { regionId: region.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    getFolderTree(),
  ])
  if (!found) {
    notFound()
  }
  const pages = Math.max(1, Math.ceil(found.count / PAGE_SIZE))
  if (page > pages) {
    redirect(`/services/folders/${handle}${pages > 1 ? `?page=${pages}` : ""}`)
  }
  return (
    <FolderTemplate
      folder={found.folder}
      tree={tree}
      services={found.services}
      count={found.count}
      page={page}
      pageSize={PAGE_SIZE}
      currency={region.currency_code}
    />
  )
}
