import { describe, expect, it } from "@jest/globals"
import {
  activationsText,
  activeInstances,
  disabledReason,
  downloadErrorMessage,
  downloadPath,
  downloadsSummary,
  entitlementTitle,
  formatSize,
} from "../entitlements"

describe("files and license keys in the portal", () => {
  it("prints a file's size", () => {
    expect(formatSize(0)).toBe("0 B")
    expect(formatSize(512)).toBe("512 B")
    expect(formatSize(1536)).toBe("1.5 KB")
    expect(formatSize(20 * 1024)).toBe("20 KB")
    expect(formatSize(5.25 * 1024 * 1024)).toBe("5.3 MB")
    expect(formatSize(3 * 1024 ** 3)).toBe("3 GB")
    for (const bad of [null, undefined, -1, Number.NaN]) {
      expect(formatSize(bad)).toBe("—")
    }
  })

  it("counts activations against the limit, or says unlimited", () => {
    expect(activationsText({ activation_usage: 1, activation_limit: 2 })).toBe("1 / 2")
    expect(activationsText({ activation_usage: 0, activation_limit: null })).toBe("0 · unlimited")
  })

  it("lists only the instances still active", () => {
    const instances = [
      { id: "a", name: "Laptop", created_at: "2026-01-01T00:00:00Z", deactivated_at: null },
      { id: "b", name: "Old PC", created_at: "2025-01-01T00:00:00Z", deactivated_at: "2025-06-01T00:00:00Z" },
    ]
    expect(activeInstances({ instances }).map((i) => i.id)).toEqual(["a"])
  })

  it("downloads through the storefront's route, never a file address", () => {
    expect(downloadPath("pfile_1")).toBe("/portal/downloads/file/pfile_1")
    expect(downloadPath("a/b?c")).toBe("/portal/downloads/file/a%2Fb%3Fc")
  })

  it("says why a download did not start, only in its own words", () => {
    expect(downloadErrorMessage("not_entitled")).toMatch(/^This file is not available for download right now/)
    expect(downloadErrorMessage("not_found")).toMatch(/^This file was not found/)
    for (const other of [undefined, "", "toString", "<script>", ["not_found"]]) {
      expect(downloadErrorMessage(other)).toBeUndefined()
    }
  })

  it("words titles, disabled keys and the overview's summary", () => {
    expect(entitlementTitle({ title: "Font family", variant_title: "Default" })).toBe("Font family")
    expect(entitlementTitle({ title: "Font family", variant_title: "Desktop" })).toBe("Font family (Desktop)")
    expect(disabledReason("refunded")).toBe("Disabled: the purchase was refunded.")
    expect(disabledReason(null)).toMatch(/^Disabled by the store/)
    const key = { id: "k" } as never
    const file = { id: "f" } as never
    expect(downloadsSummary([{ entitled: true, files: [file, file], license_keys: [key] }])).toBe(
      "2 files to download and 1 license key from your purchases."
    )
    expect(downloadsSummary([{ entitled: false, files: [file], license_keys: [key, key] }])).toBe("2 license keys from your purchases.")
    expect(downloadsSummary([{ entitled: false, files: [file], license_keys: [] }])).toBe("The files and license keys of your purchases.")
  })
})
