import Link from "next/link"

export default function Footer() {
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto flex max-w-content flex-col gap-2 px-4 py-8 text-sm text-ink-faint sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>© Portico Studio. Services bought online, delivered by people.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/services" className="hover:text-ink">Services</Link>
          <Link href="/portal" className="hover:text-ink">Your purchases</Link>
          <Link href="/cart" className="hover:text-ink">Cart</Link>
        </nav>
      </div>
    </footer>
  )
}
