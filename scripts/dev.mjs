#!/usr/bin/env node
// `npm run dev`: the whole demo in one command.
//   1. PostgreSQL: DATABASE_URL if set, else the embedded server (data in .data/postgres)
//   2. database created if missing, migrations run (`medusa db:migrate`)
//   3. demo data seeded idempotently (`medusa exec ./scripts/seed-demo.ts`)
//   4. `medusa develop` started; once /health answers, the URLs, the admin
//      login and the publishable key are printed.
// Ctrl-C stops Medusa first, then PostgreSQL.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const PORT = Number(process.env.PORT || 9000)
const BACKEND_URL = process.env.MEDUSA_BACKEND_URL || `http://localhost:${PORT}`
const log = (m) => console.log(`\x1b[36m[portico]\x1b[0m ${m}`)
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)

const db = await startPostgres({ instance: "dev", log })
const database = process.env.DB_NAME || "portico"
await ensureDatabase(db.serverUrl, database)
const env = { ...process.env, DATABASE_URL: db.url(database), PORT: String(PORT) }

let current = null
let stopping = false

/** Runs a child asynchronously (the embedded server's log pipe keeps draining). */
function run(cmd, args, { wait = true } = {}) {
  // Own process group: Ctrl-C is handled here, so Medusa (and the workers it
  // forks) stop before PostgreSQL does.
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: "inherit", detached: true })
  current = child
  if (!wait) return child
  return new Promise((resolve, reject) =>
    child.on("exit", (code, signal) => {
      current = null
      if (code === 0) resolve()
      else reject(new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${code ?? signal}`))
    })
  )
}

async function shutdown(code) {
  if (stopping) return
  stopping = true
  if (current && current.exitCode === null) {
    log("Stopping Medusa…")
    const exited = new Promise((r) => current.once("exit", r))
    const group = -current.pid
    process.kill(group, "SIGTERM")
    const timer = setTimeout(() => {
      try {
        process.kill(group, "SIGKILL")
      } catch {
        // already gone
      }
    }, 10_000)
    await exited
    clearTimeout(timer)
  }
  if (!db.external) log("Stopping PostgreSQL…")
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  log("Running migrations…")
  await run(bin("medusa"), ["db:migrate"])
  log("Seeding demo data…")
  await run(bin("medusa"), ["exec", "./scripts/seed-demo.ts"])
} catch (e) {
  console.error(e.message)
  await shutdown(1)
}

const medusa = run(bin("medusa"), ["develop"], { wait: false })
medusa.on("exit", (code) => {
  if (!stopping) {
    console.error(`medusa develop exited with ${code}`)
    shutdown(code || 1)
  }
})

// Wait for /health, then print what a developer needs.
for (let i = 0; i < 300 && !stopping; i++) {
  const ok = await fetch(`${BACKEND_URL}/health`).then((r) => r.ok, () => false)
  if (ok) {
    const demo = JSON.parse(readFileSync(path.join(ROOT, ".data", "demo.json"), "utf8"))
    const line = "─".repeat(64)
    console.log(`\n${line}
  Portico demo is running
  Admin:            ${BACKEND_URL}/app
  Admin login:      ${demo.admin_email} / ${demo.admin_password}
  Store API:        ${BACKEND_URL}/store
  Publishable key:  ${demo.publishable_key}
  Demo coupon:      ${demo.coupon}
  Database:         ${db.external ? "DATABASE_URL" : `embedded PostgreSQL on localhost:${db.port} (.data/postgres)`}
  Stop with Ctrl-C.
${line}\n`)
    break
  }
  await new Promise((r) => setTimeout(r, 1000))
}
