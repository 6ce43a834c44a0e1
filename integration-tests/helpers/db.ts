import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Every application table's row count and latest `updated_at`: two equal
 * fingerprints mean nothing was inserted, deleted or updated in between.
 * Migrations, workflow executions and auth identities are left out.
 */
export async function dbFingerprint(container: MedusaContainer): Promise<Record<string, string>> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `select table_name, exists(select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'updated_at' and c.table_schema = 'public') as has_updated
       from information_schema.tables t where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  )
  const out: Record<string, string> = {}
  for (const { table_name, has_updated } of rows as { table_name: string; has_updated: boolean }[]) {
    if (/^(mikro_orm|script_migrations|workflow_execution|auth_identity|provider_identity)/.test(table_name)) {
      continue
    }
    const [r] = (await pg.raw(`select count(*)::text as n${has_updated ? ", max(updated_at)::text as u" : ""} from "${table_name}"`)).rows
    out[table_name] = `${r.n}/${r.u ?? ""}`
  }
  return out
}

/**
 * Records the names of the events emitted on the app's event bus while `fn`
 * runs (the bus keeps working as usual).
 */
export async function eventsDuring(container: MedusaContainer, fn: () => Promise<unknown>): Promise<string[]> {
  const bus = container.resolve(Modules.EVENT_BUS) as unknown as { emit: (...args: unknown[]) => Promise<unknown> }
  const emit = bus.emit
  const names: string[] = []
  bus.emit = async (...args: unknown[]) => {
    const [first] = args
    for (const event of Array.isArray(first) ? first : [first]) {
      names.push(String((event as { name?: string } | null)?.name))
    }
    return emit.apply(bus, args)
  }
  try {
    await fn()
  } finally {
    bus.emit = emit
  }
  return names
}
