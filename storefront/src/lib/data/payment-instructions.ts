"use server"

import { sdk } from "@lib/config"
import { authHeaders } from "@lib/cookies"

/**
 * How to pay an order placed with bank transfer
 * (`/store/orders/:id/payment-instructions`): the merchant's bank details,
 * their instructions with the invoice number filled in, and the reference to
 * write on the transfer (the invoice number).
 */
export type PaymentInstructions = {
  method: "bank_transfer"
  account_holder: string | null
  iban: string | null
  bic: string | null
  bank_name: string | null
  /** The merchant's instructions, with the invoice number filled in. */
  text: string
  /** The invoice number: what the client writes on the transfer. */
  reference: string
  /** What to transfer (major units). */
  amount: number
  currency_code: string
  status: "awaiting_payment" | "paid"
}

/**
 * An order's payment instructions; null when the order was not paid by bank
 * transfer, or when they cannot be read (another client's order, backend
 * down): the order pages work without them.
 */
export async function retrievePaymentInstructions(orderId: string): Promise<PaymentInstructions | null> {
  try {
    const { payment_instructions } = await sdk().client.fetch<{ payment_instructions: PaymentInstructions | null }>(
      `/store/orders/${encodeURIComponent(orderId)}/payment-instructions`,
      { headers: await authHeaders(), cache: "no-store" }
    )
    return payment_instructions ?? null
  } catch {
    return null
  }
}
