import { mkdirSync } from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, "..", ".artifacts", "screenshots")

/** A setting the stack hands to the browser tests (`E2E_*`). */
export function env(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\` (or npm test), which starts the backend and the storefront`)
  }
  return value
}

export const storefrontUrl = () => env("E2E_STOREFRONT_URL")
export const backendUrl = () => env("E2E_BACKEND_URL")

async function call<T>(path: string, headers: Record<string, string>, init: { method?: string; body?: unknown }): Promise<T> {
  const method = init.method ?? (init.body ? "POST" : "GET")
  const response = await fetch(`${backendUrl()}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  const json = await response.json()
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  }
  return json as T
}

/**
 * A store API call with the publishable key (and a client's `token`, if
 * given); throws with the server's answer on a non-2xx.
 */
export function storeApi<T = any>(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {}
): Promise<T> {
  const auth: Record<string, string> = init.token ? { authorization: `Bearer ${init.token}` } : {}
  return call<T>(path, { "x-publishable-api-key": env("E2E_PUBLISHABLE_KEY"), ...auth }, init)
}

/** A token from an auth route (`/auth/customer/emailpass[/register]`, `/auth/user/emailpass`). */
export async function authToken(path: string, credentials: { email: string; password: string }): Promise<string> {
  return (await call<{ token: string }>(path, {}, { body: credentials })).token
}

let adminToken: string | undefined

async function adminHeaders(): Promise<Record<string, string>> {
  if (!adminToken) {
    adminToken = await authToken("/auth/user/emailpass", {
      email: env("E2E_ADMIN_EMAIL"),
      password: env("E2E_ADMIN_PASSWORD"),
    })
  }
  return { authorization: `Bearer ${adminToken}` }
}

/** An admin API call as the demo admin; throws with the server's answer on a non-2xx. */
export async function adminApi<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return call<T>(path, await adminHeaders(), init)
}

/** Who pays at checkout and where they are billed (`state`: a US state, chosen from the list). */
export type Billing = { email: string; first: string; last: string; street: string; city: string; postal: string; country: string; state?: string }

/** Fills in the checkout's email and billing address. */
export async function fillCheckout(page: Page, b: Billing) {
  await page.getByLabel("Email").fill(b.email)
  await page.getByLabel("First name").fill(b.first)
  await page.getByLabel("Last name").fill(b.last)
  await page.getByLabel("Address").fill(b.street)
  await page.getByLabel("City").fill(b.city)
  await page.getByLabel("Postal code").fill(b.postal)
  await page.getByLabel("Country").selectOption(b.country)
  if (b.state) {
    await page.getByLabel("State").selectOption(b.state)
  }
}

/** The password the browser tests give the accounts they create. */
export const PASSWORD = "correct-horse-battery"

/**
 * A client account with a password, created through the store API (the
 * storefront only creates accounts by login link), then signed in on
 * `page` with the portal's "Sign in with a password": the page ends on the
 * portal's overview.
 */
export async function signUp(page: Page, { email, first_name, last_name = "Tester" }: { email: string; first_name: string; last_name?: string }) {
  const registration = await authToken("/auth/customer/emailpass/register", { email, password: PASSWORD })
  await storeApi("/store/customers", { body: { email, first_name, last_name }, token: registration })
  await page.goto(`${storefrontUrl()}/portal/login`)
  await page.getByText("Sign in with a password").click()
  await page.locator("#login-email").fill(email)
  await page.locator("#login-password").fill(PASSWORD)
  await page.getByTestId("login-submit").click()
  await page.getByTestId("account-title").waitFor()
}

/**
 * The login link last emailed to `email` after `since` (ISO time), read from
 * the dev mailbox through the admin API; waits up to `timeout` ms for it.
 */
export async function loginLinkFor(email: string, since: string, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const { emails } = await adminApi<{ emails: { id: string; to: string; template: string; sent_at: string }[] }>("/admin/portico/mailbox?limit=50")
    const found = emails.find((e) => e.template === "login_link" && e.to.toLowerCase() === email.toLowerCase() && e.sent_at >= since)
    if (found) {
      const response = await fetch(`${backendUrl()}/admin/portico/mailbox/${encodeURIComponent(found.id)}`, {
        headers: { ...(await adminHeaders()), accept: "text/html" },
      })
      const html = await response.text()
      const href = /href="([^"]*\/portal\/login\/verify\?[^"]*)"/.exec(html)?.[1]
      if (!href) {
        throw new Error(`The login email to ${email} has no /portal/login/verify link:\n${html.slice(0, 2000)}`)
      }
      return href.replace(/&amp;/g, "&")
    }
    if (Date.now() > deadline) {
      throw new Error(`No login email to ${email} in the dev mailbox since ${since}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this
 * machine's closed network needs.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  })
}

export const DESKTOP = { width: 1366, height: 900 }
export const MOBILE = { width: 390, height: 844 }

/**
 * Numbered full-page screenshots: `<prefix>-01-<name>.png`, … in
 * `SCREENSHOTS`, or in `E2E_SCREENSHOTS_DIR` when set (to look at them
 * outside the repository).
 */
export function screenshots(page: Page, prefix: string) {
  const dir = process.env.E2E_SCREENSHOTS_DIR || SCREENSHOTS
  mkdirSync(dir, { recursive: true })
  let n = 0
  return async (name: string) => {
    n += 1
    await page.screenshot({ path: path.join(dir, `${prefix}-${String(n).padStart(2, "0")}-${name}.png`), fullPage: true })
  }
}

/** Text content of a test id, trimmed. */
export async function text(page: Page, testId: string) {
  return ((await page.getByTestId(testId).first().textContent()) ?? "").trim()
}
