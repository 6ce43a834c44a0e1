import { type ChildProcess, spawn } from "node:child_process"
import path from "node:path"
import { createServer } from "node:net"

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A Redis for the multi-instance tests: `PORTICO_TEST_REDIS_URL` when set,
 * else a throw-away `redis-server` (Debian's `redis-server` package; `.ci/run`
 * installs it) on a free port, without persistence, stopped by `stop()`.
 */
export async function testRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.PORTICO_TEST_REDIS_URL) {
    return { url: process.env.PORTICO_TEST_REDIS_URL, stop: async () => undefined }
  }
  const port = await freePort()
  let child: ChildProcess
  try {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    })
  } catch (e) {
    throw new Error(`The multi-instance tests need Redis: install redis-server or set PORTICO_TEST_REDIS_URL (${(e as Error).message})`)
  }
  await new Promise<void>((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 15_000)
    child.once("error", (e) =>
      reject(new Error(`The multi-instance tests need Redis: install redis-server or set PORTICO_TEST_REDIS_URL (${e.message})`))
    )
    child.stdout!.on("data", (d) => {
      out += d
      if (/ready to accept connections/i.test(out)) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
      }),
  }
}

/** Another instance of the app, in its own process (see `startInstance`). */
export type Instance = {
  url: string
  /** What it printed so far (stdout and stderr). */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the project as another Medusa instance (`medusa start` from the
 * sources in development mode, no file watcher, admin off) on `port` with
 * `env` added to the test's environment; resolves once `/health` answers.
 */
export async function startInstance(env: Record<string, string>, port: number): Promise<Instance> {
  const root = path.resolve(__dirname, "../..")
  const child = spawn(path.join(root, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "development", ADMIN_DISABLED: "true", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {
          // already gone
        }
      }, 10_000)
      await exited
      clearTimeout(timer)
    }
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The second instance exited with ${child.exitCode}:\n${out.slice(-4000)}`)
    }
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) {
      return { url, output: () => out, stop }
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The second instance did not answer within 180 s:\n${out.slice(-4000)}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}
