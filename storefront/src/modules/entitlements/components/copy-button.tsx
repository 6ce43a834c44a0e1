"use client"

import { useEffect, useState } from "react"

/** Copies `text` with the Clipboard API, or by selecting it in a hidden field where that API is missing (a page not served over HTTPS). */
async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (permissions): try the old way.
  }
  const field = document.createElement("textarea")
  field.value = text
  field.setAttribute("readonly", "")
  field.style.position = "fixed"
  field.style.opacity = "0"
  document.body.appendChild(field)
  field.select()
  try {
    return document.execCommand("copy")
  } catch {
    return false
  } finally {
    field.remove()
  }
}

/**
 * "Copy" next to a value (a license key): copies it to the clipboard and
 * says "Copied" for a few seconds (announced to screen readers); when the
 * browser refuses, asks to select and copy it by hand.
 */
export default function CopyButton({ text, label, testId = "copy" }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle")
  useEffect(() => {
    if (state === "idle") {
      return
    }
    const timer = setTimeout(() => setState("idle"), state === "copied" ? 2500 : 5000)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <>
      <button
        type="button"
        className="btn-secondary min-w-[4.5rem] shrink-0 px-3 py-1.5 text-xs"
        onClick={async () => setState((await copy(text)) ? "copied" : "failed")}
        data-testid={testId}
        data-state={state}
      >
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {label}</span>
      </button>
      <span role="status" className={state === "failed" ? "text-xs text-red-700" : "sr-only"}>
        {state === "copied" ? `${label} copied to the clipboard` : state === "failed" ? "Select the key and copy it by hand." : ""}
      </span>
    </>
  )
}
