"use client"

import { useState, useTransition } from "react"
import { deactivateLicenseInstance } from "@lib/data/entitlements"
import FormError from "@modules/common/components/form-error"

/**
 * "Deactivate" for one activation of a license key: frees its slot (the
 * software on that machine stops validating), then the page is drawn again
 * without it. The backend's refusal is shown in its words.
 */
export default function DeactivateButton({ keyId, instanceId, name }: { keyId: string; instanceId: string; name: string }) {
  const [pending, start] = useTransition()
  const [error, setError] = useState<string>()
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <button
        type="button"
        className="btn-secondary px-3 py-1.5 text-xs text-red-700"
        disabled={pending}
        onClick={() => {
          setError(undefined)
          start(async () => {
            try {
              const result = await deactivateLicenseInstance(keyId, instanceId)
              if (result?.error) {
                setError(result.error)
              }
            } catch {
              setError("The store could not be reached. Check your connection and try again.")
            }
          })
        }}
        data-testid="deactivate-instance"
      >
        {pending ? "Deactivating…" : "Deactivate"}
        <span className="sr-only"> {name}</span>
      </button>
      <FormError message={error} />
    </div>
  )
}
