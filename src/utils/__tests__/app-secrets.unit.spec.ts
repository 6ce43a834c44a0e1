import { appSecrets, DEVELOPMENT_SECRET } from "../app-secrets"

describe("appSecrets", () => {
  const strong = "x".repeat(40)

  it("refuses to start production without real secrets", () => {
    expect(() => appSecrets({ NODE_ENV: "production" })).toThrow(/JWT_SECRET must be set/)
    expect(() => appSecrets({ NODE_ENV: "production", JWT_SECRET: strong })).toThrow(/COOKIE_SECRET must be set/)
    expect(() => appSecrets({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: strong })).toThrow(/too weak/)
    expect(() => appSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: "short" })).toThrow(/too weak/)
    expect(appSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: `${strong}y` })).toEqual({
      jwtSecret: strong,
      cookieSecret: `${strong}y`,
    })
  })

  it("falls back to a development secret elsewhere, with a warning", () => {
    const warnings: string[] = []
    expect(appSecrets({ NODE_ENV: "development" }, (m) => warnings.push(m))).toEqual({
      jwtSecret: DEVELOPMENT_SECRET,
      cookieSecret: DEVELOPMENT_SECRET,
    })
    expect(warnings).toHaveLength(2)
    expect(appSecrets({ JWT_SECRET: "a", COOKIE_SECRET: "b" }, () => undefined)).toEqual({ jwtSecret: "a", cookieSecret: "b" })
  })
})
