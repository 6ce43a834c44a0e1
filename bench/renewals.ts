/**
 * The renewals flow's two steps in the bench's Portico app, run by
 * `bench/run.mjs` with `medusa exec bench/renewals.ts` from the app's folder
 * (a process of the Portico app: its config, the plugin as installed, Stripe
 * pointed at the bench's fake). `medusa exec` runs in Medusa's server mode,
 * so the renewal job is not scheduled in this process; the bench stops the
 * app's HTTP server before, so no job races the timed pass.
 *
 * - `BENCH_RENEWALS_STEP=seed` (not timed): `BENCH_RENEWALS_N` subscriptions
 *   due now (their first month ended a minute ago), one client each, a
 *   monthly 25 USD service: even ones paid from account credit (the client's
 *   balance is 25 USD), odd ones from a saved card at the fake Stripe (an
 *   account holder and a payment method on the subscription).
 * - `BENCH_RENEWALS_STEP=run` (timed): Portico's `runDueRenewals` (what the
 *   renewal job runs every minute) until a pass finds nothing due; then waits
 *   until the events' work (emails) stops, and checks the outcome: one paid
 *   renewal per subscription, one order per renewal.
 *
 * Either writes what it did as JSON to `BENCH_RENEWALS_OUT`.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { NewSubscription } from "../src/modules/subscription/service"
import type { DueRenewalsResult } from "../src/workflows/subscription/run-due-renewals"

/** The subscription module's key (`PORTICO_SUBSCRIPTION_MODULE`; not imported, so the plugin's copy is the one used). */
const SUBSCRIPTIONS = "porticoSubscription"
const STORE_CREDIT = "store_credit"
const STRIPE = "pp_stripe_stripe"
const PRICE = 25
const CHUNK = 500

type RunDueRenewals = (container: MedusaContainer) => Promise<DueRenewalsResult>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export default async function benchRenewals({ container }: ExecArgs) {
  const step = process.env.BENCH_RENEWALS_STEP
  const n = Number(process.env.BENCH_RENEWALS_N)
  const tag = process.env.BENCH_RENEWALS_TAG || String(n)
  const out = process.env.BENCH_RENEWALS_OUT
  if (!out || !(n > 0)) {
    throw new Error("BENCH_RENEWALS_N and BENCH_RENEWALS_OUT are required")
  }
  const result = step === "seed" ? await seed(container, n, tag) : step === "run" ? await run(container, n, tag) : null
  if (!result) {
    throw new Error(`BENCH_RENEWALS_STEP: 'seed' or 'run', not '${step}'`)
  }
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n")
}

/** The seeded subscriptions' line item ids start with this (they have no real order: they are seeded). */
const linePrefix = (tag: string) => `bench_renewal_${tag}_`

async function seed(container: MedusaContainer, n: number, tag: string) {
  const t0 = performance.now()
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const regions = container.resolve(Modules.REGION)
  const products = container.resolve(Modules.PRODUCT)
  const channels = container.resolve(Modules.SALES_CHANNEL)
  const customers = container.resolve(Modules.CUSTOMER)
  const storeCredit = container.resolve(STORE_CREDIT) as {
    createStoreCreditAccounts(data: { customer_id: string; currency_code: string }[]): Promise<{ id: string; customer_id: string }[]>
    creditAccounts(data: { account_id: string; amount: number; reference: string; reference_id: string; note?: string }[]): Promise<unknown[]>
  }
  const subscriptions = container.resolve(SUBSCRIPTIONS) as {
    createMissingSubscriptions(rows: NewSubscription[]): Promise<string[]>
  }

  const [region] = await regions.listRegions({ currency_code: "usd" })
  const [product] = await products.listProducts({ handle: "copywriting" }, { relations: ["variants"] })
  const [channel] = await channels.listSalesChannels({})
  if (!region || !product?.variants?.length || !channel) {
    throw new Error("renewals seed: the demo data (USD region, copywriting service, sales channel) is missing")
  }
  const variant = product.variants[0]
  // Due a minute ago: the first month started one month before that.
  const anchor = new Date(Date.now() - 60_000)
  anchor.setUTCMonth(anchor.getUTCMonth() - 1)

  let credit = 0
  let card = 0
  for (let from = 0; from < n; from += CHUNK) {
    const idx = Array.from({ length: Math.min(CHUNK, n - from) }, (_, k) => from + k)
    const made = await customers.createCustomers(
      idx.map((i) => ({ email: `bench-renewal-${tag}-${i}@example.com`, first_name: "Bench", last_name: `Renewal ${i}` }))
    )
    const byCredit = idx.filter((i) => i % 2 === 0)
    const byCard = idx.filter((i) => i % 2 === 1)
    const customerOf = (i: number) => made[i - from]
    // Credit: a USD account per client holding one period's price.
    const accounts = await storeCredit.createStoreCreditAccounts(byCredit.map((i) => ({ customer_id: customerOf(i).id, currency_code: "usd" })))
    await storeCredit.creditAccounts(
      accounts.map((a) => ({ account_id: a.id, amount: PRICE, reference: "bench", reference_id: a.customer_id, note: "bench renewals seed" }))
    )
    // Card: the client's Stripe customer (an account holder, as Medusa's
    // payment module stores it) and a saved payment method; the fake Stripe
    // charges any payment method off-session.
    const holders = byCard.map((i) => {
      const external = `cus_bench_${tag}_${i}`
      return {
        id: generateEntityId(undefined, "acchld"),
        provider_id: STRIPE,
        external_id: external,
        email: customerOf(i).email,
        data: JSON.stringify({ id: external, object: "customer" }),
      }
    })
    if (holders.length) {
      await knex("account_holder").insert(holders)
    }
    const holderOf = new Map(byCard.map((i, k) => [i, holders[k].id]))
    const rows: NewSubscription[] = idx.map((i) => ({
      customer_id: customerOf(i).id,
      email: customerOf(i).email,
      product_id: product.id,
      variant_id: variant.id,
      title: product.title,
      variant_title: variant.title,
      order_id: `order_bench_renewal_${tag}`,
      line_item_id: `${linePrefix(tag)}${i}`,
      unit_index: 1,
      region_id: region.id,
      sales_channel_id: channel.id,
      currency_code: "usd",
      unit_price: PRICE,
      interval: "month",
      interval_count: 1,
      anchor_at: anchor,
      ...(i % 2 === 1
        ? {
            payment_provider_id: STRIPE,
            payment_method_id: `pm_bench_${tag}_${i}`,
            payment_account_holder_id: holderOf.get(i),
            payment_method_label: "visa •••• 4242",
          }
        : {}),
    }))
    const ids = await subscriptions.createMissingSubscriptions(rows)
    if (ids.length !== rows.length) {
      throw new Error(`renewals seed: ${ids.length} of ${rows.length} subscriptions created`)
    }
    credit += byCredit.length
    card += byCard.length
  }
  const { rows } = await knex.raw(
    `select count(*)::int as due from portico_subscription where line_item_id like ? and current_period_end <= now() and deleted_at is null`,
    [`${linePrefix(tag)}%`]
  )
  return { n, tag, credit, card, due: rows[0].due, seconds: (performance.now() - t0) / 1000 }
}

type DbStats = { xact_commit: number; xact_rollback: number; tup_inserted: number; tup_updated: number; tup_deleted: number }

/** This database's counters (a fresh snapshot). */
async function dbStats(knex: Knex): Promise<DbStats> {
  await knex.raw("select pg_stat_clear_snapshot()")
  const { rows } = await knex.raw(
    `select xact_commit::bigint as xact_commit, xact_rollback::bigint as xact_rollback, tup_inserted::bigint as tup_inserted,
            tup_updated::bigint as tup_updated, tup_deleted::bigint as tup_deleted
       from pg_stat_database where datname = current_database()`
  )
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) as DbStats
}

/** Per table: rows inserted and updated, index and sequential scans (a fresh snapshot). */
async function tableStats(knex: Knex): Promise<Record<string, number[]>> {
  await knex.raw("select pg_stat_clear_snapshot()")
  const { rows } = await knex.raw(
    `select relname, n_tup_ins::bigint as ins, n_tup_upd::bigint as upd, coalesce(idx_scan, 0)::bigint as idx, seq_scan::bigint as seq
       from pg_stat_user_tables`
  )
  return Object.fromEntries((rows as { relname: string; ins: string; upd: string; idx: string; seq: string }[]).map((r) => [r.relname, [r.ins, r.upd, r.idx, r.seq].map(Number)]))
}

/**
 * CPU time (ms) used so far by the PostgreSQL server: the postmaster (with its
 * reaped children) and its live processes, from /proc. Null when unreadable.
 */
async function postgresCpuMs(knex: Knex): Promise<number | null> {
  try {
    const { rows } = await knex.raw(`select setting from pg_settings where name = 'data_directory'`)
    const postmaster = Number(readFileSync(path.join(rows[0].setting, "postmaster.pid"), "utf8").split("\n")[0])
    const ticks = 100 // USER_HZ on Linux
    let total = 0
    for (const pid of readdirPids()) {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      // f[1] is the parent pid; utime, stime, cutime, cstime are fields 14–17 (f[11]–f[14]).
      if (pid === postmaster) {
        total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
      } else if (Number(f[1]) === postmaster) {
        total += Number(f[11]) + Number(f[12])
      }
    }
    return (total * 1000) / ticks
  } catch {
    return null
  }
}

function readdirPids(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
}

/** Counters are flushed by each backend when idle, at most ~10 s later: wait that long before reading them. */
const STATS_FLUSH_MS = 11_000

async function run(container: MedusaContainer, n: number, tag: string) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  // The plugin's own build, as the app loaded it (one copy of its workflows).
  const load = createRequire(path.join(process.cwd(), "package.json"))
  const root = path.dirname(load.resolve("medusa-plugin-portico/package.json"))
  const { runDueRenewals } = load(path.join(root, ".medusa", "server", "src", "workflows")) as { runDueRenewals: RunDueRenewals }

  await sleep(STATS_FLUSH_MS)
  const before = await dbStats(knex)
  const tablesBefore = await tableStats(knex)
  const pgCpu0 = await postgresCpuMs(knex)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const passes: DueRenewalsResult[] = []
  for (;;) {
    const pass = await runDueRenewals(container)
    passes.push(pass)
    if (!pass.seen) {
      break
    }
  }
  const passMs = performance.now() - t0
  const cpuPass = process.cpuUsage(cpu0)
  const pgCpuPass = await postgresCpuMs(knex)

  // The events' work after each paid renewal (invoice paid: the emails) runs
  // in this process after the pass: wait until no more emails are recorded.
  const emails = async () =>
    Number(
      (
        await knex.raw(
          `select count(*)::int as sent from notification n
             join portico_subscription_renewal r on r.invoice_id = n.resource_id
             join portico_subscription s on s.id = r.subscription_id
            where s.line_item_id like ? and n.deleted_at is null`,
          [`${linePrefix(tag)}%`]
        )
      ).rows[0].sent
    )
  let sent = await emails()
  for (let still = 0; still < 6; ) {
    await sleep(500)
    const now = await emails()
    still = now === sent ? still + 1 : 0
    sent = now
  }
  const settledMs = performance.now() - t0
  const cpuSettled = process.cpuUsage(cpu0)
  const pgCpuSettled = await postgresCpuMs(knex)
  await sleep(STATS_FLUSH_MS)
  const after = await dbStats(knex)
  const tablesAfter = await tableStats(knex)
  // Per renewal, the tables written or read most (rows inserted, updated; index and sequential scans).
  const tables = Object.entries(tablesAfter)
    .map(([name, a]) => {
      const b = tablesBefore[name] ?? [0, 0, 0, 0]
      return { name, ins: (a[0] - b[0]) / n, upd: (a[1] - b[1]) / n, idx_scan: (a[2] - b[2]) / n, seq_scan: (a[3] - b[3]) / n }
    })
    .filter((t) => t.ins || t.upd || t.idx_scan || t.seq_scan)
    .sort((x, y) => y.ins + y.upd + y.idx_scan + y.seq_scan - (x.ins + x.upd + x.idx_scan + x.seq_scan))

  const checks = (
    await knex.raw(
      `select count(*)::int as subscriptions,
              count(*) filter (where s.cycles_paid = 2 and s.current_period_end > now())::int as moved_on,
              count(*) filter (where (select count(*) from portico_subscription_renewal r
                                       where r.subscription_id = s.id and r.deleted_at is null) = 1)::int as one_renewal,
              count(*) filter (where (select count(*) from portico_subscription_renewal r
                                       where r.subscription_id = s.id and r.deleted_at is null and r.status = 'paid') = 1)::int as one_paid,
              (select count(*) from portico_subscription_renewal r join portico_subscription s2 on s2.id = r.subscription_id
                where s2.line_item_id like ? and r.deleted_at is null and r.status = 'paid'
                  and r.credit_amount = r.amount)::int as paid_by_credit,
              (select count(*) from portico_subscription_renewal r join portico_subscription s2 on s2.id = r.subscription_id
                where s2.line_item_id like ? and r.deleted_at is null and r.status = 'paid'
                  and coalesce(r.credit_amount, 0) = 0 and r.payment_session_id is not null)::int as paid_by_card,
              (select count(distinct r.order_id) from portico_subscription_renewal r join portico_subscription s2 on s2.id = r.subscription_id
                where s2.line_item_id like ? and r.deleted_at is null and r.status = 'paid')::int as distinct_orders,
              (select count(*) from "order" o join portico_subscription_renewal r on r.order_id = o.id
                 join portico_subscription s2 on s2.id = r.subscription_id
                where s2.line_item_id like ? and o.deleted_at is null)::int as orders_found,
              (select count(*) from payment p join payment_session ps on ps.id = p.payment_session_id
                 join portico_subscription_renewal r on r.payment_session_id = ps.id
                 join portico_subscription s2 on s2.id = r.subscription_id
                where s2.line_item_id like ? and p.deleted_at is null)::int as card_payments
         from portico_subscription s
        where s.line_item_id like ? and s.deleted_at is null`,
      Array(6).fill(`${linePrefix(tag)}%`)
    )
  ).rows[0] as Record<string, number>

  const sum = (key: "seen" | "paid" | "unpaid" | "closed" | "resumed") => passes.reduce((s, p) => s + p[key], 0)
  const delta = Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof DbStats] - before[k as keyof DbStats]]))
  return {
    n,
    tag,
    passes: passes.length,
    seen: sum("seen"),
    paid: sum("paid"),
    unpaid: sum("unpaid"),
    closed: sum("closed"),
    failed: passes.flatMap((p) => p.failed).slice(0, 20),
    failed_count: passes.reduce((s, p) => s + p.failed.length, 0),
    pass_ms: passMs,
    settled_ms: settledMs,
    emails: sent,
    node_cpu_ms: { pass: (cpuPass.user + cpuPass.system) / 1000, settled: (cpuSettled.user + cpuSettled.system) / 1000 },
    postgres_cpu_ms:
      pgCpu0 === null || pgCpuPass === null || pgCpuSettled === null ? null : { pass: pgCpuPass - pgCpu0, settled: pgCpuSettled - pgCpu0 },
    db: delta,
    tables_per_renewal: tables,
    checks,
  }
}
