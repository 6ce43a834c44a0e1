"use client"

import type { HttpTypes } from "@medusajs/types"
import { useActionState, useRef, useState } from "react"
import { selectRegion } from "@lib/data/regions"

/**
 * Region / currency switcher; submits on change. When the cart cannot move to
 * the chosen currency, the select goes back to the current region and the
 * reason is shown in words.
 */
export default function RegionSelect({
  regions,
  currentId,
}: {
  regions: HttpTypes.StoreRegion[]
  currentId: string
}) {
  const [state, action, pending] = useActionState(selectRegion, null)
  const form = useRef<HTMLFormElement>(null)
  const [value, setValue] = useState(currentId)
  // Follow the outcome of each switch: back to the region that stayed on a
  // refusal, the new one after a switch (React's "adjust state on a change").
  const [seen, setSeen] = useState({ state, currentId })
  if (seen.state !== state || seen.currentId !== currentId) {
    setSeen({ state, currentId })
    setValue(currentId)
  }
  const current = regions.find((r) => r.id === value)
  return (
    <form ref={form} action={action} className="relative">
      {/* Phones show the currency only (the full "USD · United States" does not fit beside the
          navigation); the select, transparent on top of it, still lists every region in full. */}
      <span
        aria-hidden
        className="pointer-events-none flex items-center gap-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm sm:hidden"
      >
        {current?.currency_code.toUpperCase()}
        <span className="text-ink-faint">▾</span>
      </span>
      <label htmlFor="region-select" className="sr-only">
        Region and currency
      </label>
      <select
        id="region-select"
        name="region_id"
        value={value}
        disabled={pending}
        onChange={(e) => {
          setValue(e.target.value)
          form.current?.requestSubmit()
        }}
        className="absolute inset-0 h-full w-full cursor-pointer opacity-0 sm:static sm:w-auto sm:rounded-md sm:border sm:border-line sm:bg-white sm:px-2 sm:py-1.5 sm:text-sm sm:opacity-100"
        data-testid="region-select"
      >
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.currency_code.toUpperCase()} · {r.name}
          </option>
        ))}
      </select>
      {state?.error ? (
        <p
          role="alert"
          className="absolute right-0 top-full z-50 mt-2 w-72 max-w-[calc(100vw-1.5rem)] whitespace-normal rounded-md border border-red-200 bg-red-50 p-3 text-xs leading-relaxed text-red-700 shadow-lg"
          data-testid="region-error"
        >
          {state.error}
        </p>
      ) : null}
    </form>
  )
}
