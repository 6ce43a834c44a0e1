import { mkdirSync } from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, "..", ".artifacts", "screenshots")

function env(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\` (or npm test), which starts the backend and the storefront`)
  }
  return value
}

export const storefrontUrl = () => env("E2E_STOREFRONT_URL")

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

/** Numbered full-page screenshots: `<prefix>-01-<name>.png`, … */
export function screenshots(page: Page, prefix: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  let n = 0
  return async (name: string) => {
    n += 1
    await page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}-${String(n).padStart(2, "0")}-${name}.png`), fullPage: true })
  }
}

/** Text content of a test id, trimmed. */
export async function text(page: Page, testId: string) {
  return ((await page.getByTestId(testId).first().textContent()) ?? "").trim()
}
