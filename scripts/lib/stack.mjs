// The running demo stack, shared by `npm run dev` (scripts/dev.mjs) and the
// browser tests (scripts/with-db.mjs --stack): migrate + seed a database,
// start Medusa, start the storefront, stop everything in order.
import { spawn } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")
export const STOREFRONT = path.join(ROOT, "storefront")
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)

const children = new Set()

/**
 * Runs a command asynchronously (the embedded PostgreSQL's log pipe must keep
 * draining) in its own process group, so it and whatever it forks stop
 * together. Output goes to the terminal, or with `capture` stdout is
 * collected. With `wait`, resolves (with the captured stdout) when it exits 0
 * and rejects otherwise; without, returns the child.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, wait = true, capture = false } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", detached: true })
  let out = ""
  child.stdout?.on("data", (d) => (out += d))
  children.add(child)
  child.once("exit", () => children.delete(child))
  if (!wait) {
    return child
  }
  return new Promise((resolve, reject) =>
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${path.basename(cmd)} ${args.join(" ")} (in ${cwd}) exited with ${code ?? signal}`))
    )
  )
}

/**
 * `medusa db:migrate` then the idempotent demo seed; returns what the seed
 * wrote to `demoFile` (admin login, publishable key, …).
 */
export async function migrateAndSeed(env, demoFile = path.join(ROOT, ".data", "demo.json")) {
  await run(bin("medusa"), ["db:migrate"], { env })
  await run(bin("medusa"), ["exec", "./scripts/seed-demo.ts"], { env: { ...env, PORTICO_DEMO_FILE: demoFile } })
  return JSON.parse(readFileSync(demoFile, "utf8"))
}

/** Polls `url` until it answers 2xx; throws after `seconds`. */
export async function waitFor(url, seconds = 180) {
  for (let i = 0; i < seconds; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) {
      return
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${url} did not answer within ${seconds} s`)
}

/** `medusa develop` on `port`; resolves once /health answers. */
export async function startBackend(env, port) {
  const child = run(bin("medusa"), ["develop"], { env: { ...env, PORT: String(port) }, wait: false })
  await waitFor(`http://localhost:${port}/health`)
  return child
}

/**
 * The storefront on `port`: `next dev` (mode "dev") or the production server
 * of the last `next build` (mode "start"). It reaches Medusa server-side with
 * the given URL and publishable key, read at request time.
 *
 * Returns once the home page answers, or with `waitReady: false` as soon as
 * the process is started, as `{ child, ready }` (`ready` resolves when the
 * home page answers).
 */
export async function startStorefront({ mode, port, backendUrl, publishableKey, env = process.env, waitReady = true }) {
  const child = run(path.join(STOREFRONT, "node_modules", ".bin", "next"), [mode, "-p", String(port)], {
    cwd: STOREFRONT,
    env: { ...env, MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey, PORT: String(port) },
    wait: false,
  })
  const ready = () => waitFor(`http://localhost:${port}/`, 240)
  if (!waitReady) {
    return { child, ready }
  }
  await ready()
  return child
}

/**
 * Waits (up to `seconds`) until `next dev` has written `storefront/next-env.d.ts`
 * for development (it points at `.next/dev/types`). `next dev` rewrites that
 * file at start-up and `medusa develop` restarts on any change in the
 * repository outside dot-folders and node_modules, so `npm run dev` lets the
 * storefront write it before Medusa starts watching. Resolves false on timeout.
 */
export async function waitForNextEnv(seconds = 60) {
  const file = path.join(STOREFRONT, "next-env.d.ts")
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if (readFileSync(file, "utf8").includes(".next/dev/")) {
        return true
      }
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}

/** `next build` of the storefront (needs no running backend). */
export function buildStorefront(env = process.env) {
  return run(path.join(STOREFRONT, "node_modules", ".bin", "next"), ["build"], { cwd: STOREFRONT, env })
}

/** Stops every child still running (storefront, Medusa): SIGTERM, then SIGKILL after 10 s. */
export async function stopChildren() {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return
      }
      const exited = new Promise((r) => child.once("exit", r))
      const kill = (signal) => {
        try {
          process.kill(-child.pid, signal)
        } catch {
          // already gone
        }
      }
      kill("SIGTERM")
      const timer = setTimeout(() => kill("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    })
  )
}

/**
 * The tsconfig.json of a throw-away Medusa app (pack check, bench): what
 * `medusa build` needs to compile `include` into `.medusa/server`.
 */
export function writeAppTsconfig(dir, include) {
  const tsconfig = {
    compilerOptions: {
      target: "ES2021",
      module: "Node16",
      moduleResolution: "Node16",
      esModuleInterop: true,
      skipLibCheck: true,
      outDir: "./.medusa/server",
      rootDir: "./",
      jsx: "react-jsx",
      resolveJsonModule: true,
    },
    include,
    exclude: ["node_modules", ".medusa/server", ".medusa/admin"],
  }
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
}
