#!/usr/bin/env node
// Root `prepare` (runs after `npm install` / `npm ci` in this repository, not
// when the plugin is installed from a registry): installs the storefront's own
// dependencies (React 19 there, React 18 for the admin here, so two trees)
// with `npm ci`, unless they already match storefront/package-lock.json.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "storefront")
const lock = path.join(dir, "package-lock.json")
if (!existsSync(lock) || process.env.PORTICO_SKIP_STOREFRONT_INSTALL === "true") {
  process.exit(0)
}
const hash = createHash("sha256").update(readFileSync(lock)).digest("hex")
const marker = path.join(dir, "node_modules", ".portico-lock-hash")
if (existsSync(marker) && readFileSync(marker, "utf8") === hash) {
  process.exit(0)
}
console.log("Installing the storefront's dependencies (storefront/)…")
const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" })
if (result.status !== 0) {
  process.exit(result.status ?? 1)
}
writeFileSync(marker, hash)
