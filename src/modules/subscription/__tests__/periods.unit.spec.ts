import { billingPeriod, periodBoundary, periodIndexAt, unusedFraction } from "../periods"

const iso = (d: Date) => d.toISOString()

describe("billing periods", () => {
  it("keeps month ends from the anchor (31 January → 28/29 February, 31 March, 30 April)", () => {
    const anchor = new Date("2027-01-31T10:15:00.000Z")
    const ends = Array.from({ length: 12 }, (_, n) => iso(periodBoundary(anchor, "month", 1, n + 1)).slice(0, 10))
    expect(ends).toEqual([
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
      "2027-07-31",
      "2027-08-31",
      "2027-09-30",
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
      "2028-01-31",
    ])
    expect(iso(periodBoundary(new Date("2028-01-31T00:00:00Z"), "month", 1, 1))).toBe("2028-02-29T00:00:00.000Z")
    // The time of day of the anchor is kept.
    expect(iso(periodBoundary(anchor, "month", 1, 2))).toBe("2027-03-31T10:15:00.000Z")
  })

  it("handles every 3 months, years from 29 February, weeks and days", () => {
    const anchor = new Date("2027-11-30T00:00:00Z")
    expect(iso(periodBoundary(anchor, "month", 3, 1))).toBe("2028-02-29T00:00:00.000Z")
    expect(iso(periodBoundary(anchor, "month", 3, 2))).toBe("2028-05-30T00:00:00.000Z")
    const leap = new Date("2028-02-29T12:00:00Z")
    expect(iso(periodBoundary(leap, "year", 1, 1))).toBe("2029-02-28T12:00:00.000Z")
    expect(iso(periodBoundary(leap, "year", 1, 4))).toBe("2032-02-29T12:00:00.000Z")
    expect(iso(periodBoundary(leap, "week", 2, 1))).toBe("2028-03-14T12:00:00.000Z")
    expect(iso(periodBoundary(leap, "day", 1, 1))).toBe("2028-03-01T12:00:00.000Z")
  })

  it("finds the period containing a date and the unused part of a period", () => {
    const anchor = new Date("2027-01-31T00:00:00Z")
    expect(periodIndexAt(anchor, "month", 1, new Date("2027-01-30T00:00:00Z"))).toBe(-1)
    expect(periodIndexAt(anchor, "month", 1, anchor)).toBe(0)
    expect(periodIndexAt(anchor, "month", 1, new Date("2027-02-28T00:00:00Z"))).toBe(1)
    expect(periodIndexAt(anchor, "month", 1, new Date("2027-02-27T23:59:59Z"))).toBe(0)
    expect(periodIndexAt(anchor, "month", 1, new Date("2029-12-31T00:00:00Z"))).toBe(35)
    const { start, end } = billingPeriod(anchor, "month", 1, 1)
    expect(iso(start)).toBe("2027-02-28T00:00:00.000Z")
    expect(iso(end)).toBe("2027-03-31T00:00:00.000Z")
    expect(unusedFraction(start, end, start)).toBe(1)
    expect(unusedFraction(start, end, end)).toBe(0)
    expect(unusedFraction(start, end, new Date("2027-03-15T12:00:00Z"))).toBeCloseTo(15.5 / 31, 6)
  })
})
