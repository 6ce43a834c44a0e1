#!/usr/bin/env node
// Proves the published package works for someone who is not us:
//   build the plugin → npm pack → install the tarball into a throw-away Medusa
//   app outside this repository → register it in that app's medusa-config.ts →
//   migrate → `medusa build` (backend + admin with Portico's extensions) →
//   `medusa start` from .medusa/server → log in as an admin and call Portico's
//   routes → require `medusa-plugin-portico/contracts` and `/client` from the
//   app (and type-check an import of both) and call the routes through the
//   typed client. Exits non-zero on any failure. Uses the embedded test PostgreSQL
//   unless DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD point elsewhere.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import pg from "pg"
import { startPostgres } from "./lib/postgres.mjs"
import { ROOT, run, stopChildren, waitFor, writeAppTsconfig } from "./lib/stack.mjs"
const APP = process.env.PORTICO_PACK_APP_DIR || path.join(tmpdir(), "portico-pack-check")
const PORT = Number(process.env.PORTICO_PACK_PORT || 9123)
const DB_NAME = "portico_pack_check"
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"))
const dev = pkg.devDependencies

const step = (m) => console.log(`\n\x1b[36m[pack-check]\x1b[0m ${m}`)

if (APP.startsWith(ROOT + path.sep)) {
  // An app inside this tree would resolve a second copy of the framework.
  throw new Error("PORTICO_PACK_APP_DIR must be outside the repository")
}

const db = await startPostgres({ instance: "test", log: (m) => step(m) })
try {
  step("Building the plugin (and the exports' type declarations)")
  await run("npm", ["run", "build"], { cwd: ROOT })

  step("Packing it")
  rmSync(APP, { recursive: true, force: true })
  mkdirSync(APP, { recursive: true })
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", APP], { cwd: ROOT, capture: true })
  const tarball = JSON.parse(packed)[0].filename
  const files = JSON.parse(packed)[0].files.map((f) => f.path)
  const leaked = files.filter((f) => /__tests__|integration-tests|medusa-config|scripts\//.test(f))
  if (leaked.length) throw new Error(`The package ships files it should not: ${leaked.join(", ")}`)
  for (const f of ["contracts/index.js", "contracts/index.d.ts", "client/index.js", "client/index.d.ts"]) {
    if (!files.includes(`.medusa/server/src/${f}`)) throw new Error(`The package does not ship .medusa/server/src/${f}`)
  }
  step(`${tarball}: ${files.length} files`)

  step(`Creating a throw-away Medusa app in ${APP}`)
  const medusaPkgs = ["@medusajs/admin-sdk", "@medusajs/cli", "@medusajs/framework", "@medusajs/medusa", "@medusajs/loyalty-plugin"]
  writeFileSync(
    path.join(APP, "package.json"),
    JSON.stringify(
      {
        name: "portico-pack-check-app",
        private: true,
        dependencies: {
          ...Object.fromEntries(medusaPkgs.map((p) => [p, dev[p]])),
          "medusa-plugin-portico": `file:./${tarball}`,
        },
        devDependencies: Object.fromEntries(
          ["@swc/core", "@types/node", "react", "react-dom", "typescript", "ts-node", "vite"].map((p) => [p, dev[p]])
        ),
        allowScripts: { "@swc/core": true, esbuild: true },
      },
      null,
      2
    )
  )
  writeAppTsconfig(APP, ["**/*"])
  writeFileSync(
    path.join(APP, "medusa-config.ts"),
    `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:${PORT}",
      authCors: "http://localhost:${PORT}",
      jwtSecret: "pack-check",
      cookieSecret: "pack-check",
    },
  },
  plugins: [
    { resolve: "@medusajs/loyalty-plugin", options: {} },
    { resolve: "medusa-plugin-portico", options: {} },
  ],
})
`
  )
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: APP })

  // A fresh database for the app.
  const admin = new pg.Client({ connectionString: db.serverUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${DB_NAME} with (force)`)
  await admin.query(`create database ${DB_NAME}`)
  await admin.end()
  const env = { ...process.env, DATABASE_URL: db.url(DB_NAME), NODE_ENV: "production", LOG_LEVEL: "warn" }
  delete env.DB_HOST

  step("Migrating (Medusa, the store-credit plugin and Portico)")
  await run("npx", ["medusa", "db:migrate"], { cwd: APP, env })
  const check = new pg.Client({ connectionString: db.url(DB_NAME) })
  await check.connect()
  const { rowCount } = await check.query("select 1 from information_schema.tables where table_name = 'portico_service_folder'")
  await check.end()
  if (!rowCount) throw new Error("Portico's migration did not run in the app")

  step("medusa build (backend and admin)")
  await run("npx", ["medusa", "build"], { cwd: APP, env })
  const assets = path.join(APP, ".medusa/server/public/admin/assets")
  const bundled = readdirSync(assets).some(
    (f) => f.endsWith(".js") && readFileSync(path.join(assets, f), "utf8").includes("Service folders")
  )
  if (!bundled) throw new Error("The admin build does not contain Portico's admin route")

  step("Creating an admin user")
  await run("npx", ["medusa", "user", "-e", "pack@portico.test", "-p", "pack-check"], { cwd: APP, env })

  step(`medusa start on port ${PORT}`)
  const serverDir = path.join(APP, ".medusa/server")
  run("npx", ["medusa", "start", "--port", String(PORT)], { cwd: serverDir, env, wait: false })
  const base = `http://localhost:${PORT}`
  await waitFor(`${base}/health`, 120)

  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "pack@portico.test", password: "pack-check" }),
  }).then((r) => r.json())
  const auth = { authorization: `Bearer ${login.token}`, "content-type": "application/json" }
  const created = await fetch(`${base}/admin/portico/folders`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ name: "Pack check", handle: "pack-check" }),
  })
  if (created.status !== 201) throw new Error(`POST /admin/portico/folders answered ${created.status}: ${await created.text()}`)
  const listed = await fetch(`${base}/admin/portico/folders`, { headers: auth }).then((r) => r.json())
  if (listed.count !== 1 || listed.folders[0].handle !== "pack-check") {
    throw new Error(`GET /admin/portico/folders answered ${JSON.stringify(listed)}`)
  }
  // The invoice module, its links and the folder tree answer from the installed package too.
  const tree = await fetch(`${base}/admin/portico/folders/tree`, { headers: auth }).then((r) => r.json())
  if (tree.folders?.[0]?.service_count !== 0) throw new Error(`GET /admin/portico/folders/tree answered ${JSON.stringify(tree)}`)
  const invoices = await fetch(`${base}/admin/portico/invoices`, { headers: auth }).then((r) => r.json())
  if (invoices.count !== 0) throw new Error(`GET /admin/portico/invoices answered ${JSON.stringify(invoices)}`)
  step("The exports medusa-plugin-portico/contracts and /client, from the installed copy")
  writeFileSync(
    path.join(APP, "exports-check.cjs"),
    `const assert = require("node:assert/strict")
const contracts = require("medusa-plugin-portico/contracts")
const { createPorticoClient, PorticoApiError } = require("medusa-plugin-portico/client")
const fields = contracts.IntakeFieldsSchema.parse([{ key: "email", type: "email", label: "Email", required: true }])
const refused = contracts.validateIntake(fields, { email: "nope" }, [])
assert.equal(refused.ok, false)
assert.deepEqual(refused.errors.map((e) => [e.field, e.code]), [["answers.email", "invalid_email"]])
assert.deepEqual(contracts.validateIntake(fields, { email: " a@b.co " }, []), { ok: true, answers: { email: "a@b.co" } })
assert.equal(contracts.PorticoErrorCode.CURRENCY_MISMATCH, "currency_mismatch")
assert.deepEqual(contracts.SERVICE_ORDER_STATUSES, ["pending", "submitted", "working", "complete", "canceled"])
const portico = createPorticoClient({ baseUrl: process.env.PORTICO_BASE })
const headers = { authorization: "Bearer " + process.env.PORTICO_TOKEN }
;(async () => {
  const { folders } = await portico.admin.folders.tree({ headers })
  assert.equal(folders[0].handle, "pack-check")
  const error = await portico.admin.folders.create({ name: "Again", handle: "pack-check" }, { headers }).then(() => null, (e) => e)
  assert.ok(error instanceof PorticoApiError, String(error))
  assert.equal(error.code, "handle_taken")
  assert.ok(Array.isArray(error.errors))
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
`
  )
  await run("node", ["exports-check.cjs"], { cwd: APP, env: { ...env, PORTICO_BASE: base, PORTICO_TOKEN: login.token } })
  writeFileSync(
    path.join(APP, "exports-check.ts"),
    `import { PorticoErrorCode, validateIntake, type IntakeField, type StoreServiceOrder } from "medusa-plugin-portico/contracts"
import { createPorticoClient, isPorticoApiError, type PorticoClient } from "medusa-plugin-portico/client"

const client: PorticoClient = createPorticoClient({ baseUrl: "http://localhost:9000", publishableKey: "pk_x" })
const code: "currency_mismatch" = PorticoErrorCode.CURRENCY_MISMATCH
const fields: IntakeField[] = [{ key: "a", type: "text", label: "A", required: true }]
const result = validateIntake(fields, { a: "x" }, [])
export async function first(): Promise<StoreServiceOrder | undefined> {
  try {
    return (await client.store.serviceOrders.list({ status: "pending" })).service_orders[0]
  } catch (e) {
    return isPorticoApiError(e) && e.code === code && result.ok ? undefined : undefined
  }
}
`
  )
  await run(
    "npx",
    ["tsc", "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2021", "exports-check.ts"],
    { cwd: APP }
  )

  const adminPage = await fetch(`${base}/app`)
  if (!adminPage.ok) throw new Error(`/app answered ${adminPage.status}`)
  step("OK: the packed plugin installs, migrates, builds, boots and answers in a separate app")
} finally {
  await stopChildren()
  await db.stop()
}
