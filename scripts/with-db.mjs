#!/usr/bin/env node
// Runs a command against a PostgreSQL server: the one named by DB_HOST/DB_PORT/
// DB_USERNAME/DB_PASSWORD when set, otherwise the project's embedded test
// server (started here and stopped afterwards). The command sees DB_* (what
// @medusajs/test-utils reads) and DATABASE_URL. Exits with the command's code.
//
//   node scripts/with-db.mjs jest integration-tests/http/checkout.spec.ts
//   PORTICO_PG_INSTANCE=dev node scripts/with-db.mjs medusa db:generate porticoCatalog
import { spawn } from "node:child_process"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error("usage: with-db.mjs <command> [args...]")
  process.exit(2)
}

const instance = process.env.PORTICO_PG_INSTANCE || "test"
const db = await startPostgres({ instance, log: (m) => console.error(`[postgres] ${m}`) })
const database = process.env.DB_NAME || (instance === "dev" ? "portico" : "portico_test")
await ensureDatabase(db.serverUrl, database)

const child = spawn(command, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
    DATABASE_URL: db.url(database),
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  },
})

let signalled = false
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    signalled = true
    child.kill(signal)
  })
}

const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))))
await db.stop()
process.exit(signalled && code === 0 ? 130 : code)
