"use server"

import { portico } from "@lib/config"
import { orderHeaders } from "@lib/cookies"
import type { PaymentInstructions } from "medusa-plugin-portico/contracts"

/**
 * An order's payment instructions (`/store/orders/:id/payment-instructions`):
 * the merchant's bank details, their instructions with the invoice number
 * filled in, the reference to write on the transfer and whether the payment
 * arrived (or the order was canceled). Null when the order was not paid by
 * bank transfer, or when they cannot be read (another client's order, a
 * guest order this browser holds no access token for,
 * backend down): the order pages work without them.
 */
export async function retrievePaymentInstructions(orderId: string): Promise<PaymentInstructions | null> {
  try {
    const { payment_instructions } = await portico().store.orders.paymentInstructions(orderId, {
      headers: await orderHeaders(orderId),
      cache: "no-store",
    })
    return payment_instructions ?? null
  } catch {
    return null
  }
}
