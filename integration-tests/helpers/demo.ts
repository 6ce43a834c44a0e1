import type { MedusaContainer } from "@medusajs/framework/types"
import { seedDemoData, type DemoInfo } from "../../scripts/seed-demo"

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

/** Seeds the demo store into the test database and returns its keys. */
export async function seedDemo(container: MedusaContainer): Promise<DemoInfo> {
  return seedDemoData(container)
}

/** Request headers for the store API with the demo publishable key. */
export function storeHeaders(demo: DemoInfo, extra: Record<string, string> = {}) {
  return { headers: { "x-publishable-api-key": demo.publishable_key, ...extra } }
}

/** Logs in as the demo admin and returns request headers with its token. */
export async function adminHeaders(api: Api, demo: DemoInfo) {
  const { data } = await api.post("/auth/user/emailpass", {
    email: demo.admin_email,
    password: demo.admin_password,
  })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
