/** An error from the backend or a form, in words, announced to screen readers. */
export default function FormError({ message }: { message?: string }) {
  if (!message) {
    return null
  }
  return (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="form-error">
      {message}
    </p>
  )
}
