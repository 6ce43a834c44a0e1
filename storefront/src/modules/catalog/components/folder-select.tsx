"use client"

import Form from "next/form"
import { useRef } from "react"

/**
 * The folder list as one select, for small screens: choosing a folder opens
 * it. A plain GET form (`/services?folder=<handle>`), so it works before the
 * page's JavaScript has loaded too.
 */
export default function FolderSelect({ options, current }: { options: { value: string; label: string }[]; current: string }) {
  const form = useRef<HTMLFormElement>(null)
  return (
    <Form ref={form} action="/services" className="flex items-end gap-2">
      <div className="flex-1">
        <label htmlFor="folder-select" className="label">
          Browse
        </label>
        <select
          id="folder-select"
          name="folder"
          defaultValue={current}
          key={current}
          onChange={() => form.current?.requestSubmit()}
          className="input"
          data-testid="folder-select"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <button type="submit" className="btn-secondary">
          Go
        </button>
      </noscript>
    </Form>
  )
}
