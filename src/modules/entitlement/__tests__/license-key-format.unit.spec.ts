import { generateLicenseKey, normalizeLicenseKey } from "../license-key-format"

const SHAPE = /^[0-9A-HJKMNP-TV-Z]{8}(-[0-9A-HJKMNP-TV-Z]{8}){3}$/

describe("license key format", () => {
  it("makes 160-bit keys in four groups of eight Crockford base32 characters, without repeats", () => {
    const keys = Array.from({ length: 5000 }, generateLicenseKey)
    for (const key of keys) {
      expect(key).toMatch(SHAPE)
    }
    expect(new Set(keys).size).toBe(keys.length)
    // Every character of the alphabet turns up: the bits are spread, not biased to a few symbols.
    const seen = new Set(keys.join("").replace(/-/g, ""))
    expect(seen.size).toBe(32)
  })

  it("reads a key as people retype it: any case, spaces or dashes anywhere, O for 0 and I/L for 1", () => {
    const key = "7M2Q4K9D-XJ3T8VZB-0000AAAA-11110000"
    expect(normalizeLicenseKey(key)).toBe(key)
    expect(normalizeLicenseKey(" 7m2q4k9dxj3t8vzb 0000aaaa 11110000 ")).toBe(key)
    expect(normalizeLicenseKey("7M2Q4K9D-XJ3T8VZB-OOOOAAAA-ILIlOooo")).toBe(key)
  })

  it("refuses what cannot be a key, so it is never looked up", () => {
    for (const bad of ["", "short", "7M2Q4K9D-XJ3T8VZB-0000AAAA-1111000", "7M2Q4K9D-XJ3T8VZB-0000AAAA-111100000", "UUUUUUUU-XJ3T8VZB-0000AAAA-11110000", "7M2Q4K9D-XJ3T8VZB-0000AAAA-1111000%"]) {
      expect(normalizeLicenseKey(bad)).toBeNull()
    }
  })
})
