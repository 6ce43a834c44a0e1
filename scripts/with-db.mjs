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
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
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
const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))))
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
  const demo = await migrateAndSeed(stackEnv, path.join(ROOT, ".data", "demo-e2e.json"))

  log(`Starting Medusa on ${backendUrl}…`)
  await startBackend(stackEnv, backendPort)
  log(`Starting the storefront on http://localhost:${storefrontPort}…`)
  await startStorefront({
    mode: "start",
    port: storefrontPort,
    backendUrl,
    publishableKey: demo.publishable_key,
    env: { ...process.env, NODE_ENV: "production" },
  })
  return {
    E2E_STOREFRONT_URL: `http://localhost:${storefrontPort}`,
    E2E_BACKEND_URL: backendUrl,
    E2E_PUBLISHABLE_KEY: demo.publishable_key,
    E2E_ADMIN_EMAIL: demo.admin_email,
    E2E_ADMIN_PASSWORD: demo.admin_password,
  }
}
