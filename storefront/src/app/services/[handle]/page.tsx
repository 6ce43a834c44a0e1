import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getService } from "@lib/data/products"
import { getCurrentRegion } from "@lib/data/regions"
import ServiceTemplate from "@modules/services/templates/service-template"

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await getCurrentRegion()
  const product = region ? await getService((await params).handle, region.id) : undefined
  return { title: product?.title ?? "Service not found", description: product?.description ?? undefined }
}

export default async function ServicePage({ params }: Props) {
  const region = await getCurrentRegion()
  const product = region ? await getService((await params).handle, region.id) : undefined
  if (!product) {
    notFound()
  }
  return <ServiceTemplate product={product} />
}
