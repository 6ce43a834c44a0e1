import { describe, expect, it } from "@jest/globals"
import { creditOf, STORE_CREDIT_REFERENCE, withPlannedCredit } from "../credit"

describe("withPlannedCredit", () => {
  const gift = { id: "cl_gift", reference: "gift-card", amount: 10 }
  const account = (amount: number) => ({ id: "cl_acc", reference: STORE_CREDIT_REFERENCE, amount })

  it("shows the planned credit before the cart's line has it: credit line added, total lowered", () => {
    // $486 cart, no credit line yet; the view plans $486 of credit.
    const cart = { total: 486, credit_line_total: 0, credit_lines: [] }
    const shown = withPlannedCredit(cart, { applied: 486 })
    expect(creditOf(shown)).toEqual({ account: 486, other: 0 })
    expect(shown.total).toBe(0)
    expect(shown.credit_line_total).toBe(486)
    // The cart read is left as it was.
    expect(cart).toEqual({ total: 486, credit_line_total: 0, credit_lines: [] })
  })

  it("follows a smaller or a dropped credit, and keeps other credit lines", () => {
    // An item was removed: the line still says $300 of a $500 total, the plan is $200.
    const cart = { total: 190, credit_line_total: 310, credit_lines: [account(300), gift] }
    const smaller = withPlannedCredit(cart, { applied: 200 })
    expect(creditOf(smaller)).toEqual({ account: 200, other: 10 })
    expect(smaller.total).toBe(290)
    expect(smaller.credit_line_total).toBe(210)

    const dropped = withPlannedCredit(cart, { applied: 0 })
    expect(dropped.credit_lines).toEqual([gift])
    expect(creditOf(dropped)).toEqual({ account: 0, other: 10 })
    expect(dropped.total).toBe(490)
  })

  it("returns the cart itself when it already applies the plan, or without a view (a guest)", () => {
    const cart = { total: 86, credit_line_total: 400, credit_lines: [account(400)] }
    expect(withPlannedCredit(cart, { applied: 400 })).toBe(cart)
    expect(withPlannedCredit(cart, undefined)).toBe(cart)
  })
})
