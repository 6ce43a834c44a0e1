import { describe, expect, it } from "@jest/globals"
import { listPaging, loginHref, safeNext } from "../portal"

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

  it("pages a list and keeps its filters in the pages' addresses", () => {
    const paging = listPaging("3", { status: "open", other: undefined }, 20)
    expect([paging.page, paging.limit, paging.offset]).toEqual([3, 20, 40])
    expect(paging.href(1)).toBe("?status=open")
    expect(paging.href(2)).toBe("?status=open&page=2")
    expect([paging.pages(0), paging.pages(20), paging.pages(21)]).toEqual([1, 1, 2])
    for (const raw of [undefined, "", "abc", "-4", "0"]) {
      expect(listPaging(raw).page).toBe(1)
    }
    expect(listPaging("2.7").page).toBe(2)
  })
})
