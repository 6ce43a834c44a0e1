import type { Config } from "tailwindcss"

export default {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        ink: { DEFAULT: "#15171c", soft: "#4a4f5c", faint: "#6b7280" },
        brand: { DEFAULT: "#3b3bd6", dark: "#2b2ba8", soft: "#eef0ff" },
        line: "#e5e7eb",
        paper: "#fafafa",
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
      },
      maxWidth: { content: "72rem" },
    },
  },
  plugins: [],
} satisfies Config
