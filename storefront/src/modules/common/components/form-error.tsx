/**
 * An error from the backend or a form, in words, announced to screen readers;
 * `children` adds what the client can do next (e.g. a link).
 */
export default function FormError({ message, children }: { message?: string; children?: React.ReactNode }) {
  if (!message) {
    return null
  }
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      <p data-testid="form-error">{message}</p>
      {children}
    </div>
  )
}
