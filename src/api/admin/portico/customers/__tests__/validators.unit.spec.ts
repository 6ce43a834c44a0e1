import { currencyDigits, fitsCurrency } from "../../../../../utils/money"
import { fieldErrors } from "../../../../utils/validate-body"
import { CreditAdjustmentBody } from "../validators"

const errorsOf = (body: Record<string, unknown>) => {
  const result = CreditAdjustmentBody.safeParse(body)
  return result.success ? [] : fieldErrors(result.error, body).map((e) => `${e.field}:${e.code}`)
}

describe("money", () => {
  it("knows how many decimals a currency has", () => {
    expect(currencyDigits("usd")).toBe(2)
    expect(currencyDigits("JPY")).toBe(0)
    expect(currencyDigits("kwd")).toBe(3)
    expect(currencyDigits("not a code")).toBeNull()
  })

  it("accepts amounts that fit the currency only", () => {
    expect(fitsCurrency(10.5, "usd")).toBe(true)
    expect(fitsCurrency(0.1 + 0.2, "usd")).toBe(true)
    expect(fitsCurrency(10.005, "usd")).toBe(false)
    expect(fitsCurrency(100, "jpy")).toBe(true)
    expect(fitsCurrency(100.5, "jpy")).toBe(false)
  })
})

describe("CreditAdjustmentBody", () => {
  const good = { type: "grant", currency_code: "USD", amount: 12.5, note: "Goodwill" }

  it("accepts a grant and lower-cases the currency", () => {
    expect(CreditAdjustmentBody.parse(good)).toEqual({ ...good, currency_code: "usd" })
  })

  it.each([
    [{ amount: 0 }, "amount:too_small"],
    [{ amount: -1 }, "amount:too_small"],
    [{ amount: "12" }, "amount:invalid_type"],
    [{ amount: Number.POSITIVE_INFINITY }, "amount:invalid_type"],
    [{ amount: 1.234 }, "amount:too_precise"],
    [{ currency_code: undefined }, "currency_code:required"],
    [{ currency_code: "dollars" }, "currency_code:invalid_format"],
    [{ note: "  " }, "note:too_small"],
    [{ type: "gift" }, "type:invalid_value"],
    [{ extra: true }, "extra:unknown_field"],
  ])("refuses %j with %s", (patch, expected) => {
    expect(errorsOf({ ...good, ...patch })).toContain(expected)
  })
})
