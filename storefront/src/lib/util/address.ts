/**
 * Addresses as people in each country write them, and the states and
 * provinces checkout asks for. One helper for every page that prints an
 * address (order details, confirmation, account).
 */

// The address formatter is Portico's, shared with the PDF invoice.
export { countryName, formatAddressInline, formatAddressLines, type AddressLike } from "medusa-plugin-portico/contracts"

/** A state or province: its postal abbreviation and name. */
export type Subdivision = { code: string; name: string }

/** US states, DC and the inhabited territories, by USPS abbreviation. */
const US_STATES: Subdivision[] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"],
  ["CO", "Colorado"], ["CT", "Connecticut"], ["DE", "Delaware"], ["DC", "District of Columbia"],
  ["FL", "Florida"], ["GA", "Georgia"], ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"],
  ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana"],
  ["ME", "Maine"], ["MD", "Maryland"], ["MA", "Massachusetts"], ["MI", "Michigan"], ["MN", "Minnesota"],
  ["MS", "Mississippi"], ["MO", "Missouri"], ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"],
  ["NH", "New Hampshire"], ["NJ", "New Jersey"], ["NM", "New Mexico"], ["NY", "New York"],
  ["NC", "North Carolina"], ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"], ["OR", "Oregon"],
  ["PA", "Pennsylvania"], ["RI", "Rhode Island"], ["SC", "South Carolina"], ["SD", "South Dakota"],
  ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"],
  ["WA", "Washington"], ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"],
  ["AS", "American Samoa"], ["GU", "Guam"], ["MP", "Northern Mariana Islands"], ["PR", "Puerto Rico"],
  ["VI", "U.S. Virgin Islands"],
].map(([code, name]) => ({ code, name }))

/** Canadian provinces and territories, by Canada Post abbreviation. */
const CA_PROVINCES: Subdivision[] = [
  ["AB", "Alberta"], ["BC", "British Columbia"], ["MB", "Manitoba"], ["NB", "New Brunswick"],
  ["NL", "Newfoundland and Labrador"], ["NS", "Nova Scotia"], ["NT", "Northwest Territories"],
  ["NU", "Nunavut"], ["ON", "Ontario"], ["PE", "Prince Edward Island"], ["QC", "Quebec"],
  ["SK", "Saskatchewan"], ["YT", "Yukon"],
].map(([code, name]) => ({ code, name }))

const SUBDIVISIONS: Record<string, { label: string; list: Subdivision[] }> = {
  us: { label: "State", list: US_STATES },
  ca: { label: "Province", list: CA_PROVINCES },
}

/**
 * What checkout asks for the state / province of `countryCode`: for the US
 * and Canada a required choice from the list; elsewhere an optional text.
 */
export function provinceField(countryCode: string | null | undefined): {
  label: string
  required: boolean
  options: Subdivision[] | null
} {
  const known = SUBDIVISIONS[(countryCode ?? "").toLowerCase()]
  return known
    ? { label: known.label, required: true, options: known.list }
    : { label: "State / province / region", required: false, options: null }
}

/**
 * The province of a form for `countryCode`: the abbreviation when it is one
 * of the country's list (`"or"`, `"Oregon"` → `"OR"`), else the trimmed text;
 * undefined when it is required and not one of the list.
 */
export function normalizeProvince(countryCode: string | null | undefined, value: string): string | undefined {
  const field = provinceField(countryCode)
  const v = value.trim()
  if (!field.options) return v
  const found = field.options.find((s) => s.code.toLowerCase() === v.toLowerCase() || s.name.toLowerCase() === v.toLowerCase())
  return found?.code
}
