import { describe, expect, it } from "@jest/globals"
import { countryName, formatAddressInline, formatAddressLines, normalizeProvince, provinceField } from "../address"

describe("address format", () => {
  it("writes US and Canadian addresses as 'City, ST 97201' with the country's name", () => {
    expect(
      formatAddressLines({
        first_name: "Ada",
        last_name: "Lovelace",
        company: "Engines Inc.",
        address_1: "1 Main St",
        city: "Portland",
        province: "or",
        postal_code: "97201",
        country_code: "us",
      })
    ).toEqual(["Ada Lovelace", "Engines Inc.", "1 Main St", "Portland, OR 97201", "United States"])
    expect(formatAddressInline({ address_1: "290 Bremner Blvd", city: "Toronto", province: "ON", postal_code: "M5V 3L9", country_code: "CA" })).toBe(
      "290 Bremner Blvd, Toronto, ON M5V 3L9, Canada"
    )
  })

  it("writes most of Europe as '10115 Berlin', the UK with the postcode on its own line", () => {
    expect(formatAddressLines({ address_1: "Unter den Linden 1", city: "Berlin", postal_code: "10115", country_code: "de" }, { includeName: false })).toEqual([
      "Unter den Linden 1",
      "10115 Berlin",
      "Germany",
    ])
    expect(formatAddressInline({ address_1: "1 Rue de Rivoli", city: "Paris", postal_code: "75001", country_code: "fr" })).toBe("1 Rue de Rivoli, 75001 Paris, France")
    expect(formatAddressLines({ address_1: "10 Downing St", city: "London", postal_code: "SW1A 2AA", country_code: "gb" })).toEqual([
      "10 Downing St",
      "London",
      "SW1A 2AA",
      "United Kingdom",
    ])
  })

  it("never prints the old '97201 Portland, US', and leaves out what is missing", () => {
    const line = formatAddressInline({ city: "Portland", postal_code: "97201", country_code: "us" })
    expect(line).toBe("Portland, 97201, United States")
    expect(line).not.toContain("97201 Portland")
    expect(formatAddressLines({ country_code: "nl" })).toEqual(["Netherlands"])
    expect(countryName("zz")).toBeTruthy()
    expect(countryName(null)).toBe("")
  })

  it("asks for a state in the US and a province in Canada, required; optional elsewhere", () => {
    expect(provinceField("us")).toMatchObject({ label: "State", required: true })
    expect(provinceField("US").options?.find((s) => s.code === "OR")?.name).toBe("Oregon")
    expect(provinceField("ca")).toMatchObject({ label: "Province", required: true })
    expect(provinceField("de")).toEqual({ label: "State / province / region", required: false, options: null })
    expect(normalizeProvince("us", "oregon")).toBe("OR")
    expect(normalizeProvince("us", " or ")).toBe("OR")
    expect(normalizeProvince("us", "Atlantis")).toBeUndefined()
    expect(normalizeProvince("us", "")).toBeUndefined()
    expect(normalizeProvince("it", " RM ")).toBe("RM")
  })
})
