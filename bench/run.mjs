#!/usr/bin/env node
// `npm run bench`: what Portico costs on the checkout path, against stock
// Medusa in the same run. See bench/README.md for what is measured and why.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import pg from "pg"
import { startPostgres } from "../scripts/lib/postgres.mjs"
import { ROOT, run, stopChildren, waitFor } from "../scripts/lib/stack.mjs"
import { writeApps } from "./apps.mjs"
import { checkout, fixtures, OPERATIONS, storeClient } from "./flow.mjs"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 200)
const WARMUP = Number(process.env.BENCH_WARMUP || 20)
const CONCURRENT_CARTS = Number(process.env.BENCH_CONCURRENT_CARTS || 100)
const CONCURRENCY = 10
const PORTS = { stock: 9201, portico: 9202 }
const TARGETS = { p50: 1.05, p95: 1.1, rssMb: 50 }

const log = (m) => console.error(`[bench] ${m}`)
const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")

const db = await startPostgres({ instance: "bench", log })
try {
  await main()
} finally {
  await stopChildren()
  await db.stop()
}

async function main() {
  const started = Date.now()
  log("Building the plugin (medusa plugin:build)…")
  await run(medusa, ["plugin:build"], { env: { ...process.env, LOG_LEVEL: "warn" } })

  const apps = writeApps()
  const admin = new pg.Client({ connectionString: db.serverUrl })
  await admin.connect()
  for (const app of apps) {
    const database = `bench_${app.name}`
    await admin.query(`drop database if exists ${database} with (force)`)
    await admin.query(`create database ${database}`)
  }
  await admin.end()
  for (const app of apps) {
    const database = `bench_${app.name}`
    app.env = { ...process.env, DATABASE_URL: db.url(database), NODE_ENV: "production", LOG_LEVEL: "warn" }
    app.demoFile = path.join(app.dir, "demo.json")
    log(`${app.name}: migrate, seed, build`)
    await run(medusa, ["db:migrate"], { cwd: app.dir, env: app.env })
    await run(medusa, ["exec", path.join(ROOT, "scripts", "seed-demo.ts")], {
      cwd: app.dir,
      env: { ...app.env, PORTICO_DEMO_FILE: app.demoFile },
    })
    await run(medusa, ["build"], { cwd: app.dir, env: app.env })
  }

  for (const app of apps) {
    const port = PORTS[app.name]
    app.process = run(medusa, ["start", "--port", String(port)], {
      cwd: path.join(app.dir, ".medusa", "server"),
      env: app.env,
      wait: false,
    })
    await waitFor(`http://localhost:${port}/health`, 180)
    const demo = JSON.parse(readFileSync(app.demoFile, "utf8"))
    app.api = storeClient(`http://localhost:${port}`, demo.publishable_key)
    app.fx = await fixtures(app.api)
    app.timings = Object.fromEntries(OPERATIONS.map((op) => [op, []]))
    log(`${app.name}: medusa start on port ${port} (pid ${app.process.pid})`)
  }

  // Sequential flow, interleaved A/B/B/A… so drift on a noisy machine hits both.
  log(`Checkout flow: ${WARMUP} warm-up + ${ITERATIONS} measured iterations per app`)
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const order = i % 2 === 0 ? apps : [...apps].reverse()
    for (const app of order) {
      await checkout(app.api, app.fx, { timings: i < WARMUP ? undefined : app.timings })
    }
  }

  // Completion throughput: carts prepared up to "complete", then completed 10
  // at a time. Two rounds per app in A/B/B/A order, so neither app always goes
  // first; completions per second = carts / summed wall time of its rounds.
  const rounds = [...apps, ...[...apps].reverse()]
  for (const app of apps) {
    app.completionSeconds = 0
    app.completedCarts = 0
  }
  for (const app of rounds) {
    // Preparing the carts is not measured: done 10 at a time to save minutes.
    const carts = await pool(Array.from({ length: Math.ceil(CONCURRENT_CARTS / 2) }), () =>
      checkout(app.api, app.fx, { stopBefore: "complete" })
    )
    const t0 = performance.now()
    await pool(carts, async (id) => {
      const result = await app.api.post(`/store/carts/${id}/complete`)
      if (result.type !== "order") throw new Error(`complete failed: ${JSON.stringify(result)}`)
    })
    app.completionSeconds += (performance.now() - t0) / 1000
    app.completedCarts += carts.length
  }
  for (const app of apps) {
    app.completionsPerSecond = app.completedCarts / app.completionSeconds
  }

  // RSS after the run. One reading is at the mercy of when V8 last collected,
  // so: let both servers idle (V8 shrinks an idle heap), then take the median
  // of ten readings a second apart. The peak (VmHWM) is reported beside it.
  await new Promise((r) => setTimeout(r, 15_000))
  const readings = Object.fromEntries(apps.map((a) => [a.name, []]))
  for (let i = 0; i < 10; i++) {
    for (const app of apps) readings[app.name].push(groupMemoryMb(app.process.pid).rss)
    await new Promise((r) => setTimeout(r, 1000))
  }
  for (const app of apps) {
    const sorted = readings[app.name].sort((a, b) => a - b)
    app.rssMb = sorted[Math.floor(sorted.length / 2)]
    app.peakRssMb = groupMemoryMb(app.process.pid).peak
  }

  report(apps, Date.now() - started, readings)
}

/** Runs `fn` over `items`, CONCURRENCY at a time; results in input order. */
async function pool(items, fn) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i])
      }
    })
  )
  return results
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

/** Resident memory (now and peak) of a process group: medusa start and anything it forked, in MB. */
function groupMemoryMb(pgid) {
  let rss = 0
  let peak = 0
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== pgid) continue
      const status = readFileSync(`/proc/${pid}/status`, "utf8")
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
    } catch {
      // process gone
    }
  }
  return { rss: rss / 1024, peak: peak / 1024 }
}

function report(apps, elapsedMs, readings) {
  const [stock, portico] = apps
  const rows = OPERATIONS.map((op) => {
    const stats = (app) => {
      const sorted = [...app.timings[op]].sort((a, b) => a - b)
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length }
    }
    const s = stats(stock)
    const p = stats(portico)
    return {
      operation: op,
      stock: s,
      portico: p,
      ratio: { p50: p.p50 / s.p50, p95: p.p95 / s.p95, p99: p.p99 / s.p99 },
    }
  })
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    iterations: ITERATIONS,
    warmup: WARMUP,
    operations: rows,
    completions_per_second: {
      stock: stock.completionsPerSecond,
      portico: portico.completionsPerSecond,
      concurrency: CONCURRENCY,
      carts_per_app: stock.completedCarts,
    },
    rss_mb: { stock: stock.rssMb, portico: portico.rssMb, readings },
    peak_rss_mb: { stock: stock.peakRssMb, portico: portico.peakRssMb },
    targets: TARGETS,
    elapsed_s: elapsedMs / 1000,
  }

  const f = (n) => n.toFixed(1).padStart(7)
  const r = (n, target) => `${n.toFixed(2)}${n <= target ? " " : "!"}`.padStart(6)
  const lines = [
    "",
    `Portico vs stock Medusa 2.21.1 + store credit · ${ITERATIONS} iterations after ${WARMUP} warm-up · ms`,
    "",
    "operation         │ stock p50    p95    p99 │ portico p50  p95    p99 │ ratio p50  p95   p99",
    "──────────────────┼─────────────────────────┼─────────────────────────┼────────────────────",
    ...rows.map(
      (row) =>
        `${row.operation.padEnd(18)}│${f(row.stock.p50)}${f(row.stock.p95)}${f(row.stock.p99)}  │${f(row.portico.p50)}${f(row.portico.p95)}${f(row.portico.p99)}  │ ${r(row.ratio.p50, TARGETS.p50)}${r(row.ratio.p95, TARGETS.p95)}${r(row.ratio.p99, Infinity)}`
    ),
    "",
    `completions/s at concurrency ${CONCURRENCY} (${stock.completedCarts} carts each, A/B/B/A): stock ${stock.completionsPerSecond.toFixed(1)} · portico ${portico.completionsPerSecond.toFixed(1)} · ratio ${(portico.completionsPerSecond / stock.completionsPerSecond).toFixed(2)}`,
    `RSS after the run (idle, median of 10): stock ${stock.rssMb.toFixed(0)} MB · portico ${portico.rssMb.toFixed(0)} MB · ${portico.rssMb >= stock.rssMb ? "+" : "−"}${Math.abs(portico.rssMb - stock.rssMb).toFixed(0)} MB (target ≤ +${TARGETS.rssMb} MB) · peak: stock ${stock.peakRssMb.toFixed(0)} MB · portico ${portico.peakRssMb.toFixed(0)} MB`,
    `targets: ratio p50 ≤ ${TARGETS.p50}, p95 ≤ ${TARGETS.p95}; "!" marks a miss · ${result.machine.cpus} × ${result.machine.cpu} · ${(elapsedMs / 1000).toFixed(0)} s`,
    "",
  ]
  console.log(lines.join("\n"))
  const dir = path.join(ROOT, "bench", "results")
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${result.date.replace(/[:.]/g, "-")}.json`)
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n")
  log(`written ${path.relative(ROOT, file)}`)
}

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8")
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? "unknown",
    cpus: (cpuinfo.match(/^processor\s*:/gm) ?? []).length,
    memory_gb: Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? 0) / 1024 / 1024),
    node: process.version,
  }
}
