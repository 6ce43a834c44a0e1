// The two applications the benchmark compares, built from this repository:
//   stock:   Medusa 2.21.1 + the store-credit plugin (what a merchant runs without Portico)
//   portico: the same, plus Portico installed the way a merchant installs it:
//            as the package `medusa-plugin-portico` (the repository root, after
//            `medusa plugin:build`, linked into the app's node_modules).
// Both live under bench/.apps (git-ignored), resolve every other package from
// the repository's node_modules (one copy of the framework), are production
// builds (`medusa build`) and run with `medusa start` from .medusa/server.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT, writeAppTsconfig } from "../scripts/lib/stack.mjs"

export const APPS_DIR = path.join(ROOT, "bench", ".apps")

function medusaConfig(withPortico) {
  return `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: "bench",
      cookieSecret: "bench",
    },
  },
  // The benchmark measures the store API; the admin build is left out of both.
  admin: { disable: true },
  // An email provider, as a merchant registers one. Medusa's local provider
  // (it logs each email, at info level: silent with LOG_LEVEL=warn) stands in
  // for Resend or SendGrid: no network here. The notification module records
  // a row per email either way. The same module and provider in both apps.
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } },
        ],
      },
    },${withPortico ? `
    // Cards with Stripe (pp_stripe_stripe), for the renewals flow only: set
    // when the app starts (never during the seed, so the demo region keeps
    // pp_system_default), pointed at the bench's fake Stripe.
    ...(process.env.BENCH_STRIPE_API_BASE_URL
      ? [
          {
            resolve: "@medusajs/medusa/payment",
            options: {
              providers: [
                {
                  resolve: "medusa-plugin-portico/providers/stripe",
                  id: "stripe",
                  options: {
                    apiKey: "sk_test_bench",
                    webhookSecret: "whsec_bench",
                    capture: true,
                    apiBaseUrl: process.env.BENCH_STRIPE_API_BASE_URL,
                  },
                },
              ],
            },
          },
        ]
      : []),` : ""}
  ],
  plugins: [
    { resolve: "@medusajs/loyalty-plugin", options: {} },${withPortico ? `
    // A merchant address, so the merchant's notice of each paid order is sent too.
    { resolve: "medusa-plugin-portico", options: { merchant_email: "merchant@example.com", license_rate_limits: { per_ip: 1000000, per_key: 1000000 } } },` : ""}
  ],
})
`
}

/** Writes both apps; returns `{ name, dir }[]`. */
export function writeApps() {
  rmSync(APPS_DIR, { recursive: true, force: true })
  // Declared (the Medusa CLI looks for them) but not installed: resolved from
  // the repository's node_modules, the same copies for both apps.
  const dev = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).devDependencies
  const dependencies = Object.fromEntries(
    ["@medusajs/medusa", "@medusajs/framework", "@medusajs/cli", "@medusajs/loyalty-plugin"].map((p) => [p, dev[p]])
  )
  return ["stock", "portico"].map((name) => {
    const dir = path.join(APPS_DIR, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: `portico-bench-${name}`, private: true, dependencies }, null, 2)
    )
    writeAppTsconfig(dir, ["medusa-config.ts"])
    writeFileSync(path.join(dir, "medusa-config.ts"), medusaConfig(name === "portico"))
    if (name === "portico") {
      mkdirSync(path.join(dir, "node_modules"), { recursive: true })
      symlinkSync(ROOT, path.join(dir, "node_modules", "medusa-plugin-portico"), "dir")
    }
    return { name, dir }
  })
}
