// typescript-eslint's recommended rules for the plugin, the admin extension,
// the tests and the dev scripts. Medusa publishes no shareable ESLint config;
// the few conventions it enforces in its own repo are mirrored below.
import js from "@eslint/js"
import globals from "globals"
import reactHooks from "eslint-plugin-react-hooks"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".medusa/",
      ".data/",
      "coverage/",
      "storefront/.next/",
      "storefront/node_modules/",
      "storefront/next-env.d.ts",
      "src/modules/*/migrations/",
      "bench/.apps/",
      "bench/results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "smart"],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/admin/**/*.{ts,tsx}", "storefront/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The fake Stripe.js and PayPal SDK the browser tests serve: plain browser scripts.
    files: ["integration-tests/e2e/sdk/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    // Dev tooling and tests talk to the terminal and to untyped HTTP responses.
    files: ["scripts/**", "bench/**", "integration-tests/**", "**/__tests__/**"],
    rules: {
      "no-console": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  }
)
