import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getFolderTree } from "@lib/data/folders"
import { listServices } from "@lib/data/products"
import { getCurrentRegion } from "@lib/data/regions"
import CatalogTemplate from "@modules/catalog/templates/catalog-template"

export const metadata: Metadata = { title: "Services" }

const PAGE_SIZE = 12

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ page?: string; folder?: string }> }) {
  const query = await searchParams
  // The folder select on small screens submits `?folder=<handle>`.
  if (query.folder) {
    redirect(`/services/folders/${encodeURIComponent(query.folder)}`)
  }
  const page = Math.max(1, Math.floor(Number(query.page)) || 1)
  const region = await getCurrentRegion()
  if (!region) {
    return <p className="mx-auto max-w-content px-6 py-16">This store has no region yet.</p>
  }
  const [{ products, count }, folders] = await Promise.all([
    listServices({ regionId: region.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    getFolderTree(),
  ])
  return (
    <CatalogTemplate
      title="Services"
      products={products}
      count={count}
      page={page}
      pageSize={PAGE_SIZE}
      folders={folders}
      currency={region.currency_code}
    />
  )
}
