#!/usr/bin/env node
// Runs a command against a PostgreSQL server: the one named by DB_HOST/DB_PORT/
// DB_USERNAME/DB_PASSWORD when set, otherwise the project's embedded test
// server (started here and stopped afterwards). The command sees DB_* (what
// @medusajs/test-utils reads) and DATABASE_URL. Exits with the command's code.
//
// With --stack it first brings up what the browser tests drive: the storefront
// is built (`next build`, with no backend running), a fresh `portico_e2e`
// database is migrated and seeded, Medusa (with its admin at /app) starts on
// E2E_BACKEND_PORT (9100) and the built storefront on E2E_STOREFRONT_PORT (8100); the command gets
// E2E_STOREFRONT_URL, E2E_BACKEND_URL, E2E_PUBLISHABLE_KEY, E2E_ADMIN_EMAIL
// and E2E_ADMIN_PASSWORD. Everything is stopped afterwards.
//
// Card (Stripe) and PayPal payments are configured too, against the fake APIs
// of integration-tests/fakes/, which the browser test that pays with them
// (e2e/payments.spec.ts) starts on E2E_FAKE_STRIPE_PORT and E2E_FAKE_PAYPAL_PORT
// (the backend port + 81 and + 82 unless set): the backend calls them only
// when a card or PayPal payment is started, never at boot. The command gets
// E2E_FAKE_STRIPE_PORT, E2E_FAKE_PAYPAL_PORT and the fakes' keys (E2E_STRIPE_*,
// E2E_PAYPAL_*). The demo regions are seeded without them (the seed sees only
// the test payment and bank transfer), so the other browser tests pay as before;
// payments.spec.ts offers card and PayPal in a region of its own.
//
//   node scripts/with-db.mjs jest integration-tests/http/checkout.spec.ts
//   node scripts/with-db.mjs --stack jest integration-tests/e2e
import { spawn } from "node:child_process"
import path from "node:path"
import pg from "pg"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"
import { buildStorefront, migrateAndSeed, ROOT, startBackend, startStorefront, stopChildren } from "./lib/stack.mjs"

const argv = process.argv.slice(2)
const stack = argv[0] === "--stack"
const [command, ...args] = stack ? argv.slice(1) : argv
if (!command) {
  console.error("usage: with-db.mjs [--stack] <command> [args...]")
  process.exit(2)
}

const log = (m) => console.error(`[with-db] ${m}`)
const instance = process.env.PORTICO_PG_INSTANCE || "test"
const db = await startPostgres({ instance, log })
const database = process.env.DB_NAME || (instance === "dev" ? "portico" : "portico_test")
await ensureDatabase(db.serverUrl, database)

const env = {
  ...process.env,
  DB_HOST: db.host,
  DB_PORT: String(db.port),
  DB_USERNAME: db.user,
  DB_PASSWORD: db.password,
  DATABASE_URL: db.url(database),
  // One Jest process runs every suite in band, each booting a Medusa app whose
  // memory is not all given back: past Node's default heap (~4 GB here) the
  // whole run died near its end. A larger ceiling (not a reservation).
  NODE_OPTIONS: [
    process.env.NODE_OPTIONS,
    "--experimental-vm-modules",
    /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? "" : "--max-old-space-size=8192",
  ]
    .filter(Boolean)
    .join(" "),
  // The project's binaries (jest, medusa) by name, as in an npm script.
  PATH: [path.join(ROOT, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(path.delimiter),
}

let child
let signalled = false
async function finish(code) {
  await stopChildren()
  await db.stop()
  process.exit(signalled && code === 0 ? 130 : code)
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    signalled = true
    if (child) child.kill(signal)
    else finish(130)
  })
}

try {
  if (stack) {
    Object.assign(env, await startStack())
  }
} catch (e) {
  console.error(e)
  await finish(1)
}

child = spawn(command, args, { stdio: "inherit", env })
const code = await new Promise((resolve) => {
  // A command that cannot start (not found) must still stop the stack and the database.
  child.on("error", (e) => {
    console.error(`[with-db] ${command}: ${e.message}`)
    resolve(127)
  })
  child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0)))
})
await finish(code)

async function startStack() {
  const backendPort = Number(process.env.E2E_BACKEND_PORT || 9100)
  const storefrontPort = Number(process.env.E2E_STOREFRONT_PORT || 8100)
  const backendUrl = `http://localhost:${backendPort}`

  log("Building the storefront (no backend running)…")
  await buildStorefront()

  log("Fresh database portico_e2e: migrating and seeding…")
  const client = new pg.Client({ connectionString: db.serverUrl })
  await client.connect()
  await client.query("drop database if exists portico_e2e with (force)")
  await client.query("create database portico_e2e")
  await client.end()
  const fakePayments = {
    stripePort: Number(process.env.E2E_FAKE_STRIPE_PORT || backendPort + 81),
    paypalPort: Number(process.env.E2E_FAKE_PAYPAL_PORT || backendPort + 82),
    stripePublishableKey: "pk_test_portico_e2e",
    stripeSecretKey: "sk_test_portico_e2e",
    stripeWebhookSecret: "whsec_portico_e2e",
    paypalClientId: "portico-e2e-client",
    paypalClientSecret: "portico-e2e-secret",
    paypalWebhookId: "WH-PORTICO-E2E",
  }
  const paymentEnv = {
    STRIPE_API_KEY: fakePayments.stripeSecretKey,
    STRIPE_WEBHOOK_SECRET: fakePayments.stripeWebhookSecret,
    STRIPE_API_BASE_URL: `http://127.0.0.1:${fakePayments.stripePort}`,
    PAYPAL_CLIENT_ID: fakePayments.paypalClientId,
    PAYPAL_CLIENT_SECRET: fakePayments.paypalClientSecret,
    PAYPAL_WEBHOOK_ID: fakePayments.paypalWebhookId,
    PAYPAL_ENVIRONMENT: "sandbox",
    PAYPAL_API_BASE_URL: `http://127.0.0.1:${fakePayments.paypalPort}`,
  }
  const stackEnv = {
    ...process.env,
    DATABASE_URL: db.url("portico_e2e"),
    // The admin is served (at /app) for the admin browser test; it must call
    // this backend, not the demo's default http://localhost:9000.
    MEDUSA_BACKEND_URL: backendUrl,
    // Links in emails and the CORS origins follow the storefront's port.
    STOREFRONT_PORT: String(storefrontPort),
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  }
  // Seeded without card and PayPal (whatever the shell has set): the demo
  // regions keep the test payment and bank transfer.
  const seedEnv = { ...stackEnv }
  for (const name of Object.keys(paymentEnv)) {
    delete seedEnv[name]
  }
  const demo = await migrateAndSeed(seedEnv, path.join(ROOT, ".data", "demo-e2e.json"))

  log(`Starting Medusa on ${backendUrl} (card and PayPal against local fakes on ports ${fakePayments.stripePort} and ${fakePayments.paypalPort})…`)
  await startBackend({ ...stackEnv, ...paymentEnv }, backendPort)
  log(`Starting the storefront on http://localhost:${storefrontPort}…`)
  await startStorefront({
    mode: "start",
    port: storefrontPort,
    backendUrl,
    publishableKey: demo.publishable_key,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_PUBLIC_STRIPE_KEY: fakePayments.stripePublishableKey,
      NEXT_PUBLIC_PAYPAL_CLIENT_ID: fakePayments.paypalClientId,
    },
  })
  return {
    E2E_STOREFRONT_URL: `http://localhost:${storefrontPort}`,
    E2E_BACKEND_URL: backendUrl,
    E2E_PUBLISHABLE_KEY: demo.publishable_key,
    E2E_ADMIN_EMAIL: demo.admin_email,
    E2E_ADMIN_PASSWORD: demo.admin_password,
    E2E_FAKE_STRIPE_PORT: String(fakePayments.stripePort),
    E2E_FAKE_PAYPAL_PORT: String(fakePayments.paypalPort),
    E2E_STRIPE_PUBLISHABLE_KEY: fakePayments.stripePublishableKey,
    E2E_STRIPE_WEBHOOK_SECRET: fakePayments.stripeWebhookSecret,
    E2E_PAYPAL_CLIENT_ID: fakePayments.paypalClientId,
    E2E_PAYPAL_CLIENT_SECRET: fakePayments.paypalClientSecret,
    E2E_PAYPAL_WEBHOOK_ID: fakePayments.paypalWebhookId,
  }
}
