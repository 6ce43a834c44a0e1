"use client"

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-content px-4 py-24 text-center sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">We could not load this page</h1>
      <p role="alert" className="mt-2 text-ink-soft">
        {error.message && !error.digest ? error.message : "The store is not reachable right now. Please try again in a moment."}
      </p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        Try again
      </button>
    </div>
  )
}
