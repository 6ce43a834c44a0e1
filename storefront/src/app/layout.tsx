import type { Metadata, Viewport } from "next"
import Footer from "@modules/layout/components/footer"
import Header from "@modules/layout/components/header"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: "Portico Studio", template: "%s · Portico Studio" },
  description: "Design, marketing and consulting services, bought online.",
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 }

// Every page depends on the visitor (region, cart and session cookies), and a
// build must not need the backend: render per request.
export const dynamic = "force-dynamic"

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Header />
        <main id="main" className="flex-1">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  )
}
