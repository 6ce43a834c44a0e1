import { hashSecret, newLoginToken, normalizeEmail, parseLoginToken, safeNextPath } from "../token"

describe("login tokens", () => {
  it("carry 32 random bytes, stored only as their hash, and parse back to the identity and that hash", () => {
    const a = newLoginToken("authid_01ABC")
    const b = newLoginToken("authid_01ABC")
    expect(a.token).not.toBe(b.token)
    const [id, secret] = a.token.split(".")
    expect(id).toBe("authid_01ABC")
    expect(Buffer.from(secret, "base64url")).toHaveLength(32)
    expect(a.hash).toBe(hashSecret(secret))
    expect(a.hash).not.toContain(secret)
    expect(parseLoginToken(a.token)).toEqual({ identityId: "authid_01ABC", hash: a.hash })
  })

  it("refuses what cannot be one of them", () => {
    const { token } = newLoginToken("authid_1")
    for (const bad of [undefined, 42, "", "nodot", `.${token.split(".")[1]}`, `${token}x`, token.slice(0, -1), `a b.${token.split(".")[1]}`, "x".repeat(300)]) {
      expect(parseLoginToken(bad)).toBeNull()
    }
  })

  it("keeps only a relative path to come back to", () => {
    expect(safeNextPath("/portal/invoices/INV-000001")).toBe("/portal/invoices/INV-000001")
    expect(safeNextPath("/portal?tab=credit")).toBe("/portal?tab=credit")
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "portal", "/a b", "/x\\y", 7, "/".padEnd(600, "a")]) {
      expect(safeNextPath(bad)).toBeUndefined()
    }
  })

  it("keys emails trimmed and lower-cased", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com")
  })
})
