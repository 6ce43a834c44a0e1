import { describe, expect, it } from "@jest/globals"
import { loginHref, safeNext } from "../portal"

describe("portal redirects", () => {
  it("keeps a path of this storefront", () => {
    expect(safeNext("/portal/invoices/INV-000001")).toBe("/portal/invoices/INV-000001")
    expect(safeNext("/portal/service-orders/sord_1?submitted=1")).toBe("/portal/service-orders/sord_1?submitted=1")
  })

  it("sends anything else to the portal's overview", () => {
    for (const next of [undefined, null, "", "portal", "https://evil.example", "//evil.example/x", "/\\evil.example", "/a\nb", 42]) {
      expect(safeNext(next)).toBe("/portal")
    }
  })

  it("builds the login page's address with the deep link and the email", () => {
    expect(loginHref()).toBe("/portal/login")
    expect(loginHref("/portal")).toBe("/portal/login")
    expect(loginHref("/portal/invoices/INV-000001")).toBe("/portal/login?next=%2Fportal%2Finvoices%2FINV-000001")
    expect(loginHref("//evil.example", "ann@example.com")).toBe("/portal/login?email=ann%40example.com")
  })
})
