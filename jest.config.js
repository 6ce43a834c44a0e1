// Test projects: `unit` (pure functions), `modules` (one Portico module on a
// real database), `http` (the whole app booted by @medusajs/test-utils), `e2e`
// (Chromium driving the storefront against a running backend).
// Run through `scripts/with-db.mjs`, which provides the database (see README).
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())
// Medusa logs every migration and request at "info"; keep test output readable.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"

const base = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/storefront/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}

module.exports = {
  testTimeout: 120_000,
  reporters: ["default", "<rootDir>/integration-tests/summary-reporter.js"],
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s"] },
    // The storefront's pure helpers (address format, …): its own root, so the
    // root project's "ignore storefront/" does not hide them.
    {
      ...base,
      displayName: "unit-storefront",
      rootDir: `${__dirname}/storefront`,
      roots: ["<rootDir>/src"],
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s"],
      modulePathIgnorePatterns: ["<rootDir>/.next/"],
      // Portico's contracts and client come from the plugin's source, as in storefront/tsconfig.json.
      moduleNameMapper: {
        "^@lib/(.*)$": "<rootDir>/src/lib/$1",
        "^@modules/(.*)$": "<rootDir>/src/modules/$1",
        "^medusa-plugin-portico/(contracts|client)$": `${__dirname}/src/$1/index.ts`,
      },
      setupFiles: [],
    },
    {
      ...base,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\."],
    },
    { ...base, displayName: "http", testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"] },
    // Browser tests: need the stack from `scripts/with-db.mjs --stack`.
    { ...base, displayName: "e2e", testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"] },
  ],
}
