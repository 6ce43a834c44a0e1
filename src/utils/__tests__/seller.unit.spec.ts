import { DEMO_SELLER, sellerFromEnv } from "../seller"

describe("sellerFromEnv", () => {
  it("takes the demo address when nothing is set, and no name (the store's name is printed)", () => {
    expect(sellerFromEnv({})).toEqual({
      name: null,
      address_lines: DEMO_SELLER.address_lines,
      email: DEMO_SELLER.email,
      tax_id: DEMO_SELLER.tax_id,
    })
  })

  it("splits the address on newlines, literal \\n and |, and trims", () => {
    const env = { PORTICO_SELLER_NAME: " Acme Studio ", PORTICO_SELLER_ADDRESS: "1 Main St | Suite 2\\nSpringfield\n\nUSA|" }
    expect(sellerFromEnv(env)).toMatchObject({ name: "Acme Studio", address_lines: ["1 Main St", "Suite 2", "Springfield", "USA"] })
  })

  it("prints nothing for a variable set empty", () => {
    expect(sellerFromEnv({ PORTICO_SELLER_ADDRESS: "", PORTICO_SELLER_EMAIL: "", PORTICO_SELLER_TAX_ID: " " })).toEqual({
      name: null,
      address_lines: [],
      email: null,
      tax_id: null,
    })
  })
})
