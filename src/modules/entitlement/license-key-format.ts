import { randomBytes } from "node:crypto"

/** Crockford's base32 alphabet: no I, L, O or U, so a key read aloud or retyped survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
/** Characters of a key without its dashes (160 bits: 32 × 5). */
const LENGTH = 32
const GROUP = 8

/**
 * A new license key: 160 random bits (crypto-grade) as Crockford base32 in
 * four groups of eight, e.g. `7M2Q4K9D-XJ3T8VZB-…`.
 */
export function generateLicenseKey(): string {
  const bytes = randomBytes(LENGTH * 5 / 8)
  let bits = 0
  let value = 0
  let out = ""
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return group(out)
}

function group(raw: string) {
  return raw.match(new RegExp(`.{1,${GROUP}}`, "g"))!.join("-")
}

/**
 * A key as the client typed it, in the stored form: case, spaces and dashes
 * ignored, `O` read as 0 and `I`/`L` as 1 (Crockford). Null when it cannot be
 * a key at all (so it is never looked up).
 */
export function normalizeLicenseKey(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) {
    return null
  }
  return group(raw)
}
