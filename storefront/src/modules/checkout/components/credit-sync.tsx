"use client"

import { useRouter } from "next/navigation"
import { useEffect, useRef } from "react"

/** How often, and how many times, the page is read again while the credit is being applied. */
const INTERVAL_MS = 400
const MAX_REFRESHES = 15

/**
 * Portico applies account credit to a cart in the background, shortly after
 * the cart's last change. When the checkout is opened right after adding an
 * item, the cart may not hold the credit yet while the credit view already
 * says what it will be (`pending`): the page is read again a few times (at
 * most about 6 s) until the totals show it, so the client sees the amount due
 * they will pay. Renders a short notice meanwhile.
 */
export default function CreditSync({ pending }: { pending: boolean }) {
  const router = useRouter()
  const refreshes = useRef(0)
  useEffect(() => {
    if (!pending || refreshes.current >= MAX_REFRESHES) {
      return
    }
    const timer = setTimeout(() => {
      refreshes.current++
      router.refresh()
    }, INTERVAL_MS)
    return () => clearTimeout(timer)
  })
  return pending && refreshes.current < MAX_REFRESHES ? (
    <p className="text-sm text-ink-soft" aria-live="polite" data-testid="credit-syncing">
      Applying your account credit…
    </p>
  ) : null
}
