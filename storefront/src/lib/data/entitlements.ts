"use server"

import { revalidatePath } from "next/cache"
import { portico } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import type { Entitlement } from "@lib/util/entitlements"
import { errorMessage, type ActionState } from "@lib/util/errors"
import { isPorticoApiError } from "medusa-plugin-portico/client"

const ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * A page of the signed-in client's purchases with files or license keys,
 * newest first (all of one order with `orderId`); none for a visitor.
 */
export async function listEntitlements({
  orderId,
  limit = 20,
  offset = 0,
}: { orderId?: string; limit?: number; offset?: number } = {}): Promise<{ entitlements: Entitlement[]; count: number }> {
  const headers = await authHeaders()
  if (!headers.authorization || (orderId !== undefined && !ID.test(orderId))) {
    return { entitlements: [], count: 0 }
  }
  const { entitlements, count } = await portico().store.entitlements.list(
    { limit, offset, ...(orderId ? { order_id: orderId } : {}) },
    { headers, cache: "no-store" }
  )
  return { entitlements, count }
}

/**
 * Deactivates one activation (an installation of the software) of the
 * client's license key, freeing its slot; the pages that show the key are
 * drawn again. The backend's refusal comes back in its words.
 */
export async function deactivateLicenseInstance(keyId: string, instanceId: string): Promise<ActionState> {
  if (!ID.test(String(keyId)) || !ID.test(String(instanceId))) {
    return { error: "This activation was not found." }
  }
  try {
    const { license_key } = await portico().store.licenseKeys.deactivate(keyId, instanceId, { headers: await authHeaders() })
    revalidatePath("/portal/downloads")
    revalidatePath(`/portal/orders/${license_key.order_id}`)
  } catch (e) {
    if (isPorticoApiError(e) && e.status === 404) {
      revalidatePath("/portal/downloads")
      return { error: "This activation was not found: it may already be deactivated." }
    }
    return { error: errorMessage(e) }
  }
  return { ok: true }
}
