/**
 * Addresses as people in each country write them, and the states and
 * provinces checkout asks for. One helper for every page that prints an
 * address (order details, confirmation, account).
 */

/** The address fields this module reads (a Medusa cart or order address). */
export type AddressLike = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

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

/** Countries that write "City, ST 12345" (city, then state abbreviation and postal code). */
const CITY_STATE_POSTAL = new Set(["us", "ca", "au"])
/** Countries that write the city, then the postal code on its own line. */
const CITY_THEN_POSTAL_LINE = new Set(["gb", "ie"])

/** The English name of a country by ISO 3166-1 alpha-2 code ("US" → "United States"). */
export function countryName(countryCode: string | null | undefined): string {
  const code = (countryCode ?? "").trim().toUpperCase()
  if (!code) return ""
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code
  } catch {
    return code
  }
}

const clean = (v: string | null | undefined) => (v ?? "").trim()

/**
 * An address as lines to print, in the order and form of its country: name,
 * company, street lines, then the locality line (US/CA/AU
 * "Portland, OR 97201"; most of Europe and elsewhere "10115 Berlin"; GB/IE the
 * city, then the postcode on its own line), then the country's name (not its
 * code). Empty parts are left out.
 */
export function formatAddressLines(address: AddressLike, options: { includeName?: boolean } = {}): string[] {
  const country = clean(address.country_code).toLowerCase()
  const city = clean(address.city)
  const province = clean(address.province)
  const postal = clean(address.postal_code)
  const name = [clean(address.first_name), clean(address.last_name)].filter(Boolean).join(" ")
  const lines: string[] = []
  if (options.includeName !== false && name) lines.push(name)
  for (const part of [address.company, address.address_1, address.address_2]) {
    if (clean(part)) lines.push(clean(part))
  }
  if (CITY_STATE_POSTAL.has(country)) {
    const statePostal = [province.toUpperCase(), postal].filter(Boolean).join(" ")
    lines.push([city, statePostal].filter(Boolean).join(", "))
  } else if (CITY_THEN_POSTAL_LINE.has(country)) {
    lines.push(city, postal)
    if (province) lines.push(province)
  } else {
    lines.push([postal, city].filter(Boolean).join(" "))
    if (province) lines.push(province)
  }
  lines.push(countryName(country))
  return lines.filter(Boolean)
}

/** {@link formatAddressLines} on one line, comma-separated. */
export function formatAddressInline(address: AddressLike, options?: { includeName?: boolean }): string {
  return formatAddressLines(address, options).join(", ")
}
