"use client"

import type { HttpTypes } from "@medusajs/types"
import { useActionState, useRef } from "react"
import { selectRegion } from "@lib/data/regions"

/** Region / currency switcher; submits on change. */
export default function RegionSelect({
  regions,
  currentId,
}: {
  regions: HttpTypes.StoreRegion[]
  currentId: string
}) {
  const [state, action, pending] = useActionState(selectRegion, null)
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={action} className="relative">
      <label htmlFor="region-select" className="sr-only">
        Region and currency
      </label>
      <select
        id="region-select"
        name="region_id"
        defaultValue={currentId}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="w-[5.5rem] rounded-md border border-line bg-white px-2 py-1.5 text-sm sm:w-auto"
        data-testid="region-select"
      >
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.currency_code.toUpperCase()} · {r.name}
          </option>
        ))}
      </select>
      {state?.error ? (
        <p role="alert" className="absolute right-0 top-full mt-2 w-64 rounded-md bg-red-50 p-2 text-xs text-red-700 shadow">
          {state.error}
        </p>
      ) : null}
    </form>
  )
}
