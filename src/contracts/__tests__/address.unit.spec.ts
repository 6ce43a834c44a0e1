import { countryName, formatAddressInline, formatAddressLines } from "../address"

describe("address format", () => {
  it("writes an address as its country does, with the country's name", () => {
    const ca = { first_name: "Ada", last_name: "Lovelace", company: "Engines Ltd", address_1: "12 Maple Street", city: "Toronto", province: "on", postal_code: "M5V 2T6", country_code: "ca" }
    expect(formatAddressLines(ca)).toEqual(["Ada Lovelace", "Engines Ltd", "12 Maple Street", "Toronto, ON M5V 2T6", "Canada"])
    expect(formatAddressLines(ca, { includeName: false })[0]).toBe("Engines Ltd")
    expect(formatAddressInline({ address_1: "Unter den Linden 1", city: "Berlin", postal_code: "10115", country_code: "DE" })).toBe(
      "Unter den Linden 1, 10115 Berlin, Germany"
    )
    expect(formatAddressLines({ address_1: "10 Downing St", city: "London", postal_code: "SW1A 2AA", country_code: "gb" })).toEqual([
      "10 Downing St",
      "London",
      "SW1A 2AA",
      "United Kingdom",
    ])
    expect(countryName("us")).toBe("United States")
    expect(countryName(null)).toBe("")
  })
})
