import type { Metadata } from "next"
import { PORTAL_HOME, safeNext } from "@lib/util/portal"
import { VerifyLoginForm } from "@modules/portal/components/login-forms"

export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "no-referrer" }

type Props = { searchParams: Promise<{ token?: string; next?: string }> }

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined

/**
 * Where a login link leads (`?token=&next=`). Opening it changes nothing
 * (mail scanners open links): the client presses "Sign in", whose POST
 * consumes the token, signs them in and opens `next`.
 */
export default async function VerifyLoginPage({ searchParams }: Props) {
  const query = await searchParams
  const token = first(query.token) ?? ""
  const next = safeNext(first(query.next))
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="card p-6 sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand">Customer portal</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight" data-testid="verify-title">
          Sign in to your purchases
        </h1>
        <p className="mb-6 mt-2 text-ink-soft">Press the button to finish signing in on this device.</p>
        <VerifyLoginForm token={token} next={next !== PORTAL_HOME ? next : undefined} />
      </div>
    </div>
  )
}
