#!/usr/bin/env node
// `npm run bench`: what Portico costs on the checkout path, against stock
// Medusa in the same run. See bench/README.md for what is measured and why.
import { mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import pg from "pg"
import { startPostgres } from "../scripts/lib/postgres.mjs"
import { ROOT, run, stopChildren, waitFor } from "../scripts/lib/stack.mjs"
import { APPS_DIR, writeApps } from "./apps.mjs"
import {
  adminClient,
  CHECKOUT_FLOWS,
  checkout,
  CREDIT_PER_CHECKOUT,
  creditAccount,
  FLOWS,
  fixtures,
  placeOrders,
  PORTAL_REQUESTS,
  portalRead,
  registerClient,
  storeClient,
  topUpCredit,
  waitForPostPayment,
} from "./flow.mjs"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 200)
const WARMUP = Number(process.env.BENCH_WARMUP || 20)
const CONCURRENT_CARTS = Number(process.env.BENCH_CONCURRENT_CARTS || 100)
/**
 * Which flows run, comma-separated: `guest`, `credit` (signed-in client with
 * account credit), `portal` (a signed-in client with many orders lists its
 * purchases), `license` (the license API's validate beside a trivial store route),
 * `renewals` (due subscriptions renewed by Portico's renewal pass; not timed
 * per request, so it has no table of operations).
 */
const SELECTED_FLOWS = (process.env.BENCH_FLOWS || "guest,credit,portal").split(",").map((f) => f.trim()).filter(Boolean)
for (const flow of SELECTED_FLOWS) {
  if (!FLOWS[flow] && flow !== "renewals") {
    throw new Error(`BENCH_FLOWS: unknown flow '${flow}' (known: ${[...Object.keys(FLOWS), "renewals"].join(", ")})`)
  }
}
/** The selected flows timed per request (a table of operations each). */
const TIMED_FLOWS = SELECTED_FLOWS.filter((flow) => FLOWS[flow])
const RENEWALS = SELECTED_FLOWS.includes("renewals")
/** Due subscriptions per renewals run, in order (each size seeded afresh, then renewed). */
const RENEWAL_SIZES = (process.env.BENCH_RENEWALS || "1000,10000").split(",").map((n) => Number(n.trim())).filter((n) => n > 0)
/** Issue 18's target: renewals per second ≥ 2× the stock app's guest completions per second. */
const RENEWALS_TARGET = 2
/** The selected flows that check out (sequential flow, then completion throughput). */
const SELECTED_CHECKOUTS = SELECTED_FLOWS.filter((flow) => CHECKOUT_FLOWS.includes(flow))
/** Paid orders of the portal flow's client, per app. */
const PORTAL_ORDERS = Number(process.env.BENCH_PORTAL_ORDERS || 1000)
const CONCURRENCY = 10
/** The two servers listen on BENCH_PORT_BASE (stock) and the next port (portico). */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE || 9201)
const PORTS = { stock: PORT_BASE, portico: PORT_BASE + 1, stripe: PORT_BASE + 2 }
const TARGETS = { p50: 1.05, p95: 1.1, rssMb: 50, licenseP50: 1.5 }
/** What a credit-flow order leaves to Portico's post-payment work: 2 × audit + 1 × copywriting, and two emails. */
const POST_PAYMENT = { serviceOrders: 3, emails: 2, intervalMs: 25 }

const log = (m) => console.error(`[bench] ${m}`)
const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")

/** The renewals flow's fake Stripe, when started (its open server would keep this process alive). */
let fakeStripeServer = null
const db = await startPostgres({ instance: "bench", log })
try {
  await main()
} finally {
  await stopChildren()
  await fakeStripeServer?.stop()
  await db.stop()
}

async function main() {
  const started = Date.now()
  log("Building the plugin (medusa plugin:build)…")
  await run(medusa, ["plugin:build"], { env: { ...process.env, LOG_LEVEL: "warn" } })

  const apps = writeApps()
  // Renewals: the fake Stripe (the tests' own, bundled into bench/.apps,
  // git-ignored) answers the Portico app's off-session card charges.
  const stripe = RENEWALS ? await startFakeStripe() : null
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
    const baseUrl = `http://localhost:${port}`
    app.process = run(medusa, ["start", "--port", String(port)], {
      cwd: path.join(app.dir, ".medusa", "server"),
      // Stripe is registered at start only (see apps.mjs).
      env: stripe && app.name === "portico" ? { ...app.env, BENCH_STRIPE_API_BASE_URL: stripe.url } : app.env,
      wait: false,
    })
    await waitFor(`${baseUrl}/health`, 180)
    const demo = JSON.parse(readFileSync(app.demoFile, "utf8"))
    app.api = storeClient(baseUrl, demo.publishable_key)
    app.fx = await fixtures(app.api)
    app.timings = Object.fromEntries(TIMED_FLOWS.map((flow) => [flow, Object.fromEntries(FLOWS[flow].map((op) => [op, []]))]))
    if (SELECTED_FLOWS.includes("credit")) {
      // Not timed: the admin (seeded) grants credit; one signed-in client for
      // the sequential flow, CONCURRENCY more for the concurrent completions.
      app.admin = await adminClient(baseUrl, demo.admin_email, demo.admin_password)
      app.clients = []
      for (let i = 0; i <= CONCURRENCY; i++) {
        const client = await registerClient(app.api, `bench-credit-${i}@example.com`)
        client.accountId = await creditAccount(app.admin, client.customer.id)
        app.clients.push(client)
      }
      app.postPayment = { serviceOrdersMs: [], emailsMs: [], doneMs: [] }
    }
    if (SELECTED_FLOWS.includes("credit") || SELECTED_FLOWS.includes("portal")) {
      // Portico's post-payment work is read from its database (notifications).
      app.db = new pg.Client({ connectionString: db.url(`bench_${app.name}`) })
      await app.db.connect()
    }
    log(`${app.name}: medusa start on port ${port} (pid ${app.process.pid})`)
  }

  try {
    await measure(apps, started, stripe)
  } finally {
    for (const app of apps) await app.db?.end()
  }
}

async function measure(apps, started, stripe) {
  // Sequential flows, interleaved A/B/B/A… so drift on a noisy machine hits both.
  for (const flow of SELECTED_CHECKOUTS) {
    log(`Checkout flow "${flow}": ${WARMUP} warm-up + ${ITERATIONS} measured iterations per app`)
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const order = i % 2 === 0 ? apps : [...apps].reverse()
      for (const app of order) {
        const timings = i < WARMUP ? undefined : app.timings[flow]
        if (flow === "guest") {
          await checkout(app.api, app.fx, { timings })
          continue
        }
        const [client] = app.clients
        const left = await topUpCredit(app.admin, client.accountId)
        if (i > 0 && left !== 0) {
          throw new Error(`${app.name}: the previous credit checkout left ${left} USD of credit unspent`)
        }
        const { orderId, completedAt } = await checkout(client.api, app.fx, { timings, credit: { portico: app.name === "portico" } })
        if (app.name === "portico") {
          // Until the order's service orders and emails exist (stock has no such work).
          const seen = await waitForPostPayment(client.api, app.db, orderId, { ...POST_PAYMENT, since: completedAt })
          if (timings) for (const key of Object.keys(app.postPayment)) app.postPayment[key].push(seen[key])
        }
      }
    }
  }

  // Completion throughput: carts prepared up to "complete" (not timed), then
  // completed 10 at a time. Two rounds per app in A/B/B/A order, so neither
  // app always goes first; completions per second = carts / summed wall time
  // of its rounds.
  const rounds = [...apps, ...[...apps].reverse()]
  for (const flow of SELECTED_CHECKOUTS) {
    log(`Completion throughput "${flow}": ${Math.ceil(CONCURRENT_CARTS / 2)} carts per round, A/B/B/A`)
    for (const app of apps) {
      app.completion ??= {}
      app.completion[flow] = { seconds: 0, carts: 0, failed: [] }
    }
    for (const app of rounds) {
      const carts = Math.ceil(CONCURRENT_CARTS / 2)
      if (flow === "guest") {
        // Preparing the carts is not measured: done 10 at a time to save minutes.
        const prepared = (
          await pool(Array.from({ length: carts }), () =>
            checkout(app.api, app.fx, { stopBefore: "complete" }).catch((e) => failed(app, flow, e))
          )
        ).filter(Boolean)
        app.completion[flow].seconds += await completeAll(app.api, prepared.map((p) => p.cartId))
        app.completion[flow].carts += prepared.length
        continue
      }
      // Signed-in clients with credit: one open cart per client at a time (a
      // second one would spend the same credit), so batches of CONCURRENCY
      // carts, one per client, each batch completed at once.
      const clients = app.clients.slice(1)
      for (let done = 0; done < carts; done += clients.length) {
        const batch = clients.slice(0, Math.min(clients.length, carts - done))
        const prepared = (
          await Promise.all(
            batch.map(async (client) => {
              await topUpCredit(app.admin, client.accountId)
              const { cartId } = await checkout(client.api, app.fx, { stopBefore: "complete", credit: { portico: app.name === "portico" } })
              return { api: client.api, cartId }
            })
          ).catch(async () => {
            // One failed: prepare the batch one by one again, recording each failure.
            const again = []
            for (const client of batch) {
              await topUpCredit(app.admin, client.accountId)
              const done = await checkout(client.api, app.fx, { stopBefore: "complete", credit: { portico: app.name === "portico" } }).catch((e) =>
                failed(app, flow, e)
              )
              if (done) again.push({ api: client.api, cartId: done.cartId })
            }
            return again
          })
        )
        app.completion[flow].seconds += await completeAll(null, prepared)
        app.completion[flow].carts += prepared.length
      }
    }
    for (const app of apps) {
      app.completion[flow].perSecond = app.completion[flow].carts / app.completion[flow].seconds
    }
    // Logged now too, so a run stopped later (a long renewals flow) keeps it.
    log(`Completion throughput "${flow}": ${apps.map((a) => `${a.name} ${a.completion[flow].perSecond.toFixed(2)}/s`).join(" · ")}`)
  }

  // The portal flow last: its set-up adds PORTAL_ORDERS orders per app, which
  // the checkout flows above are measured without.
  const portalSetup = SELECTED_FLOWS.includes("portal") ? await portalFlow(apps) : null

  if (SELECTED_FLOWS.includes("license")) await licenseFlow(apps)

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

  // Renewals last: they stop both servers (see renewalsFlow).
  const renewals = RENEWALS ? await renewalsFlow(apps, stripe) : null

  report(apps, Date.now() - started, readings, portalSetup, renewals)
}

/**
 * Bundles the tests' fake Stripe (integration-tests/fakes/stripe.ts) into
 * bench/.apps with esbuild and starts it on PORTS.stripe. Returns the fake
 * (its `intents` and `requests` are read to count charges) and its URL.
 */
async function startFakeStripe() {
  const file = path.join(APPS_DIR, "fake-stripe.cjs")
  await run(path.join(ROOT, "node_modules", ".bin", "esbuild"), [
    path.join(ROOT, "integration-tests", "fakes", "stripe.ts"),
    "--bundle",
    "--platform=node",
    "--format=cjs",
    "--packages=external",
    "--log-level=warning",
    `--outfile=${file}`,
  ])
  const { fakeStripe } = createRequire(import.meta.url)(file)
  const stripe = fakeStripe("whsec_bench")
  stripe.url = await stripe.start(PORTS.stripe)
  fakeStripeServer = stripe
  log(`fake Stripe on ${stripe.url}`)
  return stripe
}

/**
 * The renewals flow (issue 18), Portico only, after everything else: both
 * HTTP servers are stopped (so the renewal job, scheduled every minute in the
 * Portico server, cannot race the timed pass, and neither server uses the
 * cores meanwhile); then per size in RENEWAL_SIZES, in a process of the
 * Portico app (`medusa exec bench/renewals.ts`, Stripe pointed at the fake):
 * seed that many due subscriptions (not timed; half paid from account
 * credit, half from a saved card), then time Portico's `runDueRenewals`
 * until nothing is due, and check the outcome (one paid renewal and one order
 * per subscription; one payment intent created at the fake Stripe per card
 * renewal).
 */
async function renewalsFlow(apps, stripe) {
  const portico = apps.find((a) => a.name === "portico")
  log("Renewals: stopping both servers (the renewal pass runs in its own process of the Portico app)")
  await stopChildren()
  const script = path.join(ROOT, "bench", "renewals.ts")
  const results = []
  for (const [k, n] of RENEWAL_SIZES.entries()) {
    const tag = `${k + 1}x${n}`
    const exec = async (step) => {
      const out = path.join(APPS_DIR, `renewals-${tag}-${step}.json`)
      const env = {
        ...portico.env,
        BENCH_STRIPE_API_BASE_URL: stripe.url,
        BENCH_RENEWALS_STEP: step,
        BENCH_RENEWALS_N: String(n),
        BENCH_RENEWALS_TAG: tag,
        BENCH_RENEWALS_OUT: out,
      }
      // A CPU profile of the renewal pass's process (BENCH_RENEWALS_CPU_PROF=<folder>; it slows the
      // pass). Node refuses --cpu-prof in NODE_OPTIONS: the CLI is started with node directly.
      const profile = step === "run" && process.env.BENCH_RENEWALS_CPU_PROF
      if (profile) {
        const flags = ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`]
        await run(process.execPath, [...flags, realpathSync(medusa), "exec", script], { cwd: portico.dir, env })
      } else {
        await run(medusa, ["exec", script], { cwd: portico.dir, env })
      }
      return JSON.parse(readFileSync(out, "utf8"))
    }
    log(`Renewals: seeding ${n} due subscriptions (half credit, half card; not timed)…`)
    const seeded = await exec("seed")
    log(`Renewals: ${seeded.due} due (${seeded.credit} credit, ${seeded.card} card), seeded in ${seeded.seconds.toFixed(0)} s; renewing…`)
    const intents0 = stripe.intents.size
    const requests0 = stripe.requests.length
    const pass = await exec("run")
    const charges = stripe.requests
      .slice(requests0)
      .filter((r) => r.method === "POST" && r.path === "/v1/payment_intents")
      .map((r) => String(r.headers["idempotency-key"] ?? ""))
    const stripeCounts = {
      intents_created: stripe.intents.size - intents0,
      create_requests: charges.length,
      distinct_keys: new Set(charges).size,
    }
    const c = pass.checks
    const problems = [
      pass.failed_count && `${pass.failed_count} failed`,
      c.subscriptions !== n && `${c.subscriptions} subscriptions found`,
      c.one_renewal !== n && `${n - c.one_renewal} without exactly one renewal`,
      c.one_paid !== n && `${n - c.one_paid} without exactly one paid renewal`,
      c.moved_on !== n && `${n - c.moved_on} not moved to the next period`,
      c.paid_by_credit !== seeded.credit && `${c.paid_by_credit} of ${seeded.credit} paid by credit`,
      c.paid_by_card !== seeded.card && `${c.paid_by_card} of ${seeded.card} paid by card`,
      c.card_payments !== seeded.card && `${c.card_payments} card payments for ${seeded.card} card renewals`,
      (c.distinct_orders !== n || c.orders_found !== n) && `${c.distinct_orders} distinct orders, ${c.orders_found} found, for ${n} renewals`,
      stripeCounts.intents_created !== seeded.card && `${stripeCounts.intents_created} payment intents created at Stripe for ${seeded.card} card renewals`,
      stripeCounts.distinct_keys !== seeded.card && `${stripeCounts.distinct_keys} distinct idempotency keys for ${seeded.card} card renewals`,
    ].filter(Boolean)
    const perSecond = pass.paid / (pass.pass_ms / 1000)
    const result = {
      n,
      credit: seeded.credit,
      card: seeded.card,
      seed_seconds: seeded.seconds,
      pass_seconds: pass.pass_ms / 1000,
      settled_seconds: pass.settled_ms / 1000,
      passes: pass.passes,
      paid: pass.paid,
      unpaid: pass.unpaid,
      failed: pass.failed,
      renewals_per_second: perSecond,
      per_renewal: {
        wall_ms: pass.pass_ms / pass.paid,
        node_cpu_ms: pass.node_cpu_ms.pass / pass.paid,
        node_cpu_ms_settled: pass.node_cpu_ms.settled / pass.paid,
        postgres_cpu_ms: pass.postgres_cpu_ms && pass.postgres_cpu_ms.pass / pass.paid,
        postgres_cpu_ms_settled: pass.postgres_cpu_ms && pass.postgres_cpu_ms.settled / pass.paid,
        xact_commit: pass.db.xact_commit / pass.paid,
        xact_rollback: pass.db.xact_rollback / pass.paid,
        tup_inserted: pass.db.tup_inserted / pass.paid,
        tup_updated: pass.db.tup_updated / pass.paid,
        tup_deleted: pass.db.tup_deleted / pass.paid,
      },
      emails: pass.emails,
      tables_per_renewal: pass.tables_per_renewal,
      stripe: stripeCounts,
      checks: c,
      problems,
    }
    log(
      `Renewals ${n}: ${pass.paid} paid in ${result.pass_seconds.toFixed(1)} s (${perSecond.toFixed(2)}/s)` +
        (problems.length ? `; PROBLEMS: ${problems.join("; ")}` : "; checks ok") +
        `; per renewal ${JSON.stringify(result.per_renewal)}`
    )
    results.push(result)
  }
  return results
}

/**
 * The portal flow. Set-up, not timed as operations, in both apps at once:
 * in each app one client registers and signs in (as in the credit flow) and
 * places PORTAL_ORDERS paid orders through the store API, CONCURRENCY at a
 * time (the wall times are printed); in the Portico app, the bench then waits for each order's invoice
 * and emails (Portico's work after payment), so none of it lands on the timed
 * reads. Timed: the first page of the client's orders, interleaved A/B, B/A…;
 * in the Portico app also the first page of its invoices (the two reads in
 * alternating order). Returns the set-up figures.
 */
async function portalFlow(apps) {
  const setup = { orders: PORTAL_ORDERS, concurrency: CONCURRENCY, seconds: {}, ms_per_order: {} }
  // Both apps at once: the set-up is not measured, so they need not take
  // turns, and each server is one Node process (two cores between them).
  const t0 = performance.now()
  await Promise.all(
    apps.map(async (app) => {
      log(`${app.name}: portal set-up: ${PORTAL_ORDERS} paid orders for one signed-in client, ${CONCURRENCY} at a time…`)
      const started = performance.now()
      app.portalClient = await registerClient(app.api, "bench-portal@example.com")
      const step = Math.max(1, Math.round(PORTAL_ORDERS / 10))
      await placeOrders(app.portalClient.api, app.fx, PORTAL_ORDERS, {
        concurrency: CONCURRENCY,
        onProgress: (done) => done % step === 0 && done < PORTAL_ORDERS && log(`${app.name}: ${done}/${PORTAL_ORDERS} orders`),
      })
      const placed = performance.now() - started
      if (app.name === "portico") await portalSettled(app)
      const seconds = (performance.now() - started) / 1000
      setup.seconds[app.name] = seconds
      setup.ms_per_order[app.name] = (seconds * 1000) / PORTAL_ORDERS
      log(
        `${app.name}: portal set-up took ${seconds.toFixed(0)} s (${setup.ms_per_order[app.name].toFixed(0)} ms per order` +
          (app.name === "portico" ? `; orders placed in ${(placed / 1000).toFixed(0)} s, then Portico's work after payment` : "") +
          ")"
      )
    })
  )
  setup.wall_seconds = (performance.now() - t0) / 1000

  log(`Portal flow: ${WARMUP} warm-up + ${ITERATIONS} measured iterations per app`)
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const order = i % 2 === 0 ? apps : [...apps].reverse()
    for (const app of order) {
      const timings = i < WARMUP ? undefined : app.timings.portal
      const reads = Object.entries(PORTAL_REQUESTS).filter(([, request]) => request[app.name])
      if (i % 2 === 1) reads.reverse()
      for (const [op, request] of reads) {
        const t0 = performance.now()
        await portalRead(app.portalClient.api, request[app.name], request[app.name].startsWith("/store/orders") ? "orders" : "invoices", PORTAL_ORDERS)
        timings?.[op].push(performance.now() - t0)
      }
    }
  }
  return setup
}

/**
 * The license flow. Set-up, not timed: in the Portico app the admin turns on
 * license keys (unlimited activations) for the cheapest service, a client buys
 * it once, the bench waits for the key and activates it once. Timed,
 * interleaved A/B, B/A…: `GET /store/regions/:id` in both apps and, in the
 * Portico app, `POST /license/validate { license_key, instance_id }` (the two
 * in alternating order); each validate must answer `valid: true`.
 */
async function licenseFlow(apps) {
  const portico = apps.find((a) => a.name === "portico")
  const demo = JSON.parse(readFileSync(portico.demoFile, "utf8"))
  const admin = await adminClient(portico.api.baseUrl, demo.admin_email, demo.admin_password)
  const { products } = await portico.api.get(`/store/products?handle[]=copywriting&fields=id`)
  await admin.post(`/admin/portico/services/${products[0].id}/settings`, { license_keys_enabled: true, license_activation_limit: null })
  const client = await registerClient(portico.api, "bench-license@example.com")
  await placeOrders(client.api, portico.fx, 1)
  let key = null
  for (let i = 0; i < 200 && !key; i++) {
    key = (await client.api.get("/store/portico/license-keys")).license_keys[0]?.key ?? null
    if (!key) await new Promise((r) => setTimeout(r, 100))
  }
  if (!key) throw new Error("license set-up: no key was issued for the bench order")
  const { instance } = await portico.api.post("/license/activate", { license_key: key, instance_name: "bench" })
  const requests = {
    "region read": (app) => app.api.get(`/store/regions/${app.fx.regionId}`),
    "license validate": async (app) => {
      const answer = await app.api.post("/license/validate", { license_key: key, instance_id: instance.id })
      if (!answer.valid) throw new Error(`license validate: ${JSON.stringify(answer)}`)
    },
  }
  log(`License flow: ${WARMUP} warm-up + ${ITERATIONS} measured iterations per app`)
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const order = i % 2 === 0 ? apps : [...apps].reverse()
    for (const app of order) {
      const ops = app.name === "portico" ? ["region read", "license validate"] : ["region read"]
      if (i % 2 === 1) ops.reverse()
      for (const op of ops) {
        const t0 = performance.now()
        await requests[op](app)
        if (i >= WARMUP) app.timings.license[op].push(performance.now() - t0)
      }
    }
  }
}

/**
 * Waits (up to 10 minutes) until Portico's work after the portal set-up's
 * payments is done: every order's invoice listed to the client and two emails
 * sent per invoice (payment confirmation, merchant notice).
 */
async function portalSettled(app) {
  const until = performance.now() + 600_000
  for (;;) {
    const { count } = await app.portalClient.api.get("/store/portico/invoices?limit=1")
    const { rows } = await app.db.query(
      `select count(*)::int as sent from notification n join portico_invoice i on n.resource_id = i.id
        where i.customer_id = $1 and n.status = 'success' and n.deleted_at is null`,
      [app.portalClient.customer.id]
    )
    if (count === PORTAL_ORDERS && rows[0].sent >= 2 * PORTAL_ORDERS) return
    if (performance.now() > until) {
      throw new Error(`portal set-up: Portico listed ${count} of ${PORTAL_ORDERS} invoices and sent ${rows[0].sent} of ${2 * PORTAL_ORDERS} emails after 10 minutes`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

/**
 * A request that failed while preparing carts for the throughput phase:
 * recorded (and printed with the results) instead of ending the run, since
 * a failure under concurrency is itself a finding.
 */
function failed(app, flow, error) {
  app.completion[flow].failed.push(String(error?.message ?? error).slice(0, 300))
  log(`${app.name}: a ${flow} cart could not be prepared: ${String(error?.message ?? error).slice(0, 200)}`)
  return null
}

/**
 * Completes carts CONCURRENCY at a time; returns the wall time in seconds.
 * `carts`: cart ids of `api`, or (with `api` null) `{ api, cartId }` each.
 */
async function completeAll(api, carts) {
  const t0 = performance.now()
  await pool(carts, async (cart) => {
    const [client, id] = api ? [api, cart] : [cart.api, cart.cartId]
    const result = await client.post(`/store/carts/${id}/complete`)
    if (result.type !== "order") throw new Error(`complete failed: ${JSON.stringify(result)}`)
  })
  return (performance.now() - t0) / 1000
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

function report(apps, elapsedMs, readings, portalSetup, renewals) {
  const [stock, portico] = apps
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length }
  }
  const flows = Object.fromEntries(
    TIMED_FLOWS.map((flow) => [
      flow,
      FLOWS[flow].map((op) => {
        // Portal: stock has no purchases list of its own; its orders list stands beside Portico's.
        // License: stock has no license API; its region read stands beside Portico's validate.
        const s = stats(stock.timings[flow][flow === "portal" ? "orders list" : flow === "license" ? "region read" : op])
        const p = stats(portico.timings[flow][op])
        const row = { operation: op, stock: s, portico: p, ratio: { p50: p.p50 / s.p50, p95: p.p95 / s.p95, p99: p.p99 / s.p99 } }
        if (flow === "portal") {
          row.requests = { stock: `GET ${PORTAL_REQUESTS["orders list"].stock}`, portico: `GET ${PORTAL_REQUESTS[op].portico}` }
        }
        return row
      }),
    ])
  )
  const completions = Object.fromEntries(
    SELECTED_CHECKOUTS.map((flow) => [
      flow,
      {
        stock: stock.completion[flow].perSecond,
        portico: portico.completion[flow].perSecond,
        concurrency: CONCURRENCY,
        carts_per_app: stock.completion[flow].carts,
        failed: { stock: stock.completion[flow].failed, portico: portico.completion[flow].failed },
      },
    ])
  )
  const postPayment = portico.postPayment
    ? Object.fromEntries(Object.entries(portico.postPayment).map(([key, values]) => [key, stats(values)]))
    : null
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    iterations: ITERATIONS,
    warmup: WARMUP,
    flows,
    // Earlier results had only the guest flow, under these two keys.
    operations: flows.guest,
    completions_per_second: completions.guest,
    completions_per_second_by_flow: completions,
    post_payment_ms: postPayment && { portico: postPayment, poll_interval_ms: POST_PAYMENT.intervalMs },
    portal_setup: portalSetup,
    renewals: renewals && {
      sizes: renewals,
      stock_guest_completions_per_second: completions.guest?.stock ?? null,
      target_ratio: RENEWALS_TARGET,
    },
    rss_mb: { stock: stock.rssMb, portico: portico.rssMb, readings },
    peak_rss_mb: { stock: stock.peakRssMb, portico: portico.peakRssMb },
    targets: TARGETS,
    elapsed_s: elapsedMs / 1000,
  }

  const f = (n) => n.toFixed(1).padStart(7)
  const r = (n, target) => `${n.toFixed(2)}${n <= target ? " " : "!"}`.padStart(6)
  const title = {
    guest: "guest checkout",
    credit: `signed-in client, account credit (${CREDIT_PER_CHECKOUT} USD) covers part of the cart`,
    portal: `portal: a signed-in client with ${PORTAL_ORDERS} paid orders reads its first page of 20`,
    license: "license API: POST /license/validate beside a trivial store route",
  }
  const lines = [
    "",
    `Portico vs stock Medusa 2.21.1 + store credit · ${ITERATIONS} iterations after ${WARMUP} warm-up · ms`,
  ]
  for (const flow of TIMED_FLOWS) {
    lines.push(
      "",
      `Flow: ${title[flow]}`,
      "",
      "operation         │ stock p50    p95    p99 │ portico p50  p95    p99 │ ratio p50  p95   p99",
      "──────────────────┼─────────────────────────┼─────────────────────────┼────────────────────",
      ...flows[flow].map((row) => {
        // The license API's target is its own: p50 ≤ 1.5× a trivial store route.
        const own = flow === "license" && row.operation === "license validate"
        return `${row.operation.padEnd(18)}│${f(row.stock.p50)}${f(row.stock.p95)}${f(row.stock.p99)}  │${f(row.portico.p50)}${f(row.portico.p95)}${f(row.portico.p99)}  │ ${r(row.ratio.p50, own ? TARGETS.licenseP50 : TARGETS.p50)}${r(row.ratio.p95, own ? Infinity : TARGETS.p95)}${r(row.ratio.p99, Infinity)}`
      })
    )
    if (flow === "credit") {
      lines.push(
        "apply credit: stock POST /store/carts/:id/store-credits (the client applies its credit) · portico GET /store/carts/:id/credit (Portico applied it already; the checkout reads it)"
      )
      if (postPayment) {
        const pp = (s) => `p50 ${s.p50.toFixed(0)} · p95 ${s.p95.toFixed(0)} ms`
        lines.push(
          `post-payment, Portico only (stock has no such work), from complete returning, polled every ${POST_PAYMENT.intervalMs} ms, n=${postPayment.doneMs.n}:`,
          `  service orders listed ${pp(postPayment.serviceOrdersMs)} · emails sent (payment confirmation + merchant notice) ${pp(postPayment.emailsMs)} · both ${pp(postPayment.doneMs)}`
        )
      }
    }
    if (flow === "license") {
      const validate = flows.license.find((row) => row.operation === "license validate")
      lines.push(
        `region read: GET /store/regions/:id in both · license validate: stock GET /store/regions/:id (the same figures) beside portico POST /license/validate { license_key, instance_id } · target p50 ≤ ${TARGETS.licenseP50}× the region read: ${validate.ratio.p50.toFixed(2)}${validate.ratio.p50 <= TARGETS.licenseP50 ? " (met)" : " (missed)"}`
      )
    }
    if (flow === "portal") {
      lines.push(
        "orders list: GET /store/orders?limit=20&offset=0 in both (Medusa's own list) · purchases list: stock GET /store/orders (the same figures) beside portico GET /store/portico/invoices?limit=20&offset=0 (the portal's main page)",
        `set-up (not timed above; both apps at once, ${portalSetup.wall_seconds.toFixed(0)} s): ${portalSetup.orders} orders placed through the store API, ${portalSetup.concurrency} at a time per app: stock ${portalSetup.seconds.stock.toFixed(0)} s (${portalSetup.ms_per_order.stock.toFixed(0)} ms per order) · portico ${portalSetup.seconds.portico.toFixed(0)} s (${portalSetup.ms_per_order.portico.toFixed(0)} ms per order, with its invoices and emails)`
      )
    }
  }
  lines.push("")
  for (const flow of SELECTED_CHECKOUTS) {
    const c = completions[flow]
    lines.push(
      `completions/s at concurrency ${CONCURRENCY}, ${flow} (${c.carts_per_app} carts each, A/B/B/A${flow === "credit" ? `, batches of ≤ ${CONCURRENCY}, one cart per client` : ""}): stock ${c.stock.toFixed(1)} · portico ${c.portico.toFixed(1)} · ratio ${(c.portico / c.stock).toFixed(2)}` +
        (c.failed.stock.length || c.failed.portico.length
          ? ` · carts that could not be prepared: stock ${c.failed.stock.length} · portico ${c.failed.portico.length}`
          : "")
    )
  }
  if (renewals) {
    const stockRate = completions.guest?.stock
    const n = (v, d = 1) => (v === null || v === undefined ? "–" : v.toFixed(d)).padStart(7)
    lines.push(
      "",
      "Renewals (Portico only): due subscriptions renewed by runDueRenewals in a process of the Portico app (servers stopped), half from account credit, half off-session by card at the fake Stripe",
      "",
      "due     │ renewals/s │ per renewal: wall ms  node CPU ms  PG CPU ms  xacts  rows ins  rows upd │ ÷ stock completions/s",
      "────────┼────────────┼──────────────────────────────────────────────────────────────────────┼──────────────────────",
      ...renewals.map((r) => {
        const p = r.per_renewal
        const ratio = stockRate ? r.renewals_per_second / stockRate : null
        return `${String(r.n).padEnd(8)}│ ${n(r.renewals_per_second, 2)}    │ ${n(p.wall_ms)}   ${n(p.node_cpu_ms)}    ${n(p.postgres_cpu_ms)}  ${n(p.xact_commit)} ${n(p.tup_inserted)}  ${n(p.tup_updated)}  │ ${ratio === null ? "– (no guest flow)" : `${ratio.toFixed(2)}${ratio >= RENEWALS_TARGET ? " " : "!"} (target ≥ ${RENEWALS_TARGET})`}`
      }),
      ...renewals.map(
        (r) =>
          `${r.n}: ${r.paid} paid (${r.credit} credit, ${r.card} card) in ${r.pass_seconds.toFixed(1)} s, ${r.passes} passes; events' work (${r.emails} emails) settled at ${r.settled_seconds.toFixed(1)} s; ` +
          `Stripe: ${r.stripe.intents_created} payment intents created, ${r.stripe.distinct_keys} idempotency keys; ` +
          (r.problems.length ? `PROBLEMS: ${r.problems.join("; ")}` : "checks ok (one paid renewal and one order per subscription, one charge per card renewal)")
      ),
      `stock guest completions/s (same run, above): ${stockRate ? stockRate.toFixed(1) : "– (guest flow not selected)"}`
    )
  }
  lines.push(
    `RSS after the run (idle, median of 10): stock ${stock.rssMb.toFixed(0)} MB · portico ${portico.rssMb.toFixed(0)} MB · ${portico.rssMb >= stock.rssMb ? "+" : "−"}${Math.abs(portico.rssMb - stock.rssMb).toFixed(0)} MB (target ≤ +${TARGETS.rssMb} MB) · peak: stock ${stock.peakRssMb.toFixed(0)} MB · portico ${portico.peakRssMb.toFixed(0)} MB`,
    `targets: ratio p50 ≤ ${TARGETS.p50}, p95 ≤ ${TARGETS.p95}; "!" marks a miss · ${result.machine.cpus} × ${result.machine.cpu} · ${(elapsedMs / 1000).toFixed(0)} s`,
    ""
  )
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
