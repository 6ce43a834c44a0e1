/**
 * Postal addresses as people in each country write them: one formatter for
 * everything that prints an address (the storefront's pages, the PDF
 * invoice). Import-free.
 */

/** The address fields the formatter reads (a Medusa cart or order address). */
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
