import Link from "next/link"

export default function NotFound() {
  return (
    <div className="mx-auto max-w-content px-4 py-24 text-center sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight" data-testid="not-found">Page not found</h1>
      <p className="mt-2 text-ink-soft">The page you are looking for does not exist or is not yours to see.</p>
      <Link href="/" className="btn-primary mt-6">Go home</Link>
    </div>
  )
}
