#!/usr/bin/env node
// `npm run dev`: the whole demo in one command.
//   1. PostgreSQL: DATABASE_URL if set, else the embedded server (data in .data/postgres)
//   2. database created if missing, migrations run (`medusa db:migrate`)
//   3. demo data seeded idempotently (`medusa exec ./scripts/seed-demo.ts`)
//   4. the storefront (`next dev`) with the demo's backend URL and publishable
//      key, then `medusa develop` (admin at /app) once the storefront has
//      written next-env.d.ts (a later write would restart Medusa); then the
//      URLs, the admin login and the key are printed.
// Ctrl-C stops the storefront and Medusa first, then PostgreSQL.
import { existsSync } from "node:fs"
import path from "node:path"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"
import { migrateAndSeed, startBackend, startStorefront, stopChildren, STOREFRONT, waitForNextEnv } from "./lib/stack.mjs"

const PORT = Number(process.env.PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const BACKEND_URL = process.env.MEDUSA_BACKEND_URL || `http://localhost:${PORT}`
const log = (m) => console.log(`\x1b[36m[portico]\x1b[0m ${m}`)

const db = await startPostgres({ instance: "dev", log })
const database = db.database || process.env.DB_NAME || "portico"
await ensureDatabase(db.serverUrl, database)
// STOREFRONT_PORT reaches Medusa too: links in emails and the CORS origins follow it
// (medusa-config.ts; STOREFRONT_URL overrides both).
const env = { ...process.env, DATABASE_URL: db.url(database), STOREFRONT_PORT: String(STOREFRONT_PORT) }

let stopping = false
async function shutdown(code) {
  if (stopping) return
  stopping = true
  log("Stopping the storefront and Medusa…")
  await stopChildren()
  if (!db.external) log("Stopping PostgreSQL…")
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  log("Running migrations and seeding demo data…")
  const demo = await migrateAndSeed(env)
  // The storefront starts first: `next dev` rewrites storefront/next-env.d.ts
  // at start-up, which would make `medusa develop` (it watches the whole
  // repository) restart right after its own start-up.
  const hasStorefront = existsSync(path.join(STOREFRONT, "node_modules", ".bin", "next"))
  let storefront = null
  if (hasStorefront) {
    log("Starting the storefront…")
    storefront = await startStorefront({
      mode: "dev",
      port: STOREFRONT_PORT,
      backendUrl: BACKEND_URL,
      publishableKey: demo.publishable_key,
      env,
      waitReady: false,
    })
    await waitForNextEnv()
  }
  log("Starting Medusa…")
  const backend = await startBackend(env, PORT)
  backend.on("exit", (code) => {
    if (!stopping) {
      console.error(`medusa develop exited with ${code}`)
      shutdown(code || 1)
    }
  })
  await storefront?.ready()
  const line = "─".repeat(64)
  console.log(`\n${line}
  Portico demo is running
  Storefront:       ${hasStorefront ? `http://localhost:${STOREFRONT_PORT}` : "not installed (run npm install)"}
  Email links:      ${process.env.PORTICO_STOREFRONT_URL || process.env.STOREFRONT_URL || `http://localhost:${STOREFRONT_PORT}`}
  Admin:            ${BACKEND_URL}/app
  Admin login:      ${demo.admin_email} / ${demo.admin_password}
  Client login:     ${demo.client_email} / ${demo.client_password} (200 USD account credit)
  Store API:        ${BACKEND_URL}/store
  Publishable key:  ${demo.publishable_key}
  Demo coupon:      ${demo.coupon}
  Database:         ${db.external ? "DATABASE_URL" : `embedded PostgreSQL on localhost:${db.port} (.data/postgres)`}
  Stop with Ctrl-C.
${line}\n`)
} catch (e) {
  console.error(e.message)
  await shutdown(1)
}
