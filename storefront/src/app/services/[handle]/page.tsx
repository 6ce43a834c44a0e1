import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getFolderTree } from "@lib/data/folders"
import { getService } from "@lib/data/products"
import { getCurrentRegion } from "@lib/data/regions"
import { folderPath } from "@lib/util/folders"
import ServiceTemplate from "@modules/services/templates/service-template"

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await getCurrentRegion()
  const product = region ? await getService((await params).handle, region.id) : undefined
  return { title: product?.title ?? "Service not found", description: product?.description ?? undefined }
}

export default async function ServicePage({ params }: Props) {
  const region = await getCurrentRegion()
  const [product, tree] = await Promise.all([
    region ? getService((await params).handle, region.id) : undefined,
    getFolderTree(),
  ])
  if (!product || !region) {
    notFound()
  }
  const folderId = product.service_settings?.folder_id
  const folders = folderId ? folderPath(tree, { id: folderId }) : []
  return <ServiceTemplate product={product} folders={folders} currency={region.currency_code} />
}
