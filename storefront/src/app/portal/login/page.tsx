import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { loginHref, PORTAL_HOME, safeNext } from "@lib/util/portal"
import { MagicLinkForm, PasswordLoginForm } from "@modules/portal/components/login-forms"

export const metadata: Metadata = { title: "Sign in", robots: { index: false } }

type Props = { searchParams: Promise<{ sent?: string; email?: string; next?: string }> }

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined

/**
 * The portal's door: an email field that sends a login link (the first link
 * of an email creates its account, with the orders bought as a guest), then
 * "check your email" (`?sent=1`). `?email=` fills the field in (the portal
 * link of the store's emails), `?next=` is the page to open after signing
 * in. Accounts with a password can still use it, folded away below.
 */
export default async function PortalLoginPage({ searchParams }: Props) {
  const query = await searchParams
  const email = first(query.email)?.slice(0, 320)
  const rawNext = first(query.next)
  const next = safeNext(rawNext)
  const sent = first(query.sent) === "1"
  if (!sent && (await retrieveCustomer())) {
    redirect(next)
  }
  const nextValue = next !== PORTAL_HOME ? next : undefined
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="card p-6 sm:p-8">
        {sent ? (
          <div data-testid="login-link-sent" role="status">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand">Customer portal</p>
            <h1 className="mt-1 text-2xl font-bold tracking-tight">Check your email</h1>
            <p className="mt-3 text-ink-soft">
              We sent a login link to{" "}
              {email ? <strong className="break-all text-ink" data-testid="login-link-email">{email}</strong> : "your email address"}. Open
              it on this device and press “Sign in”. It works once, for 15 minutes.
            </p>
            <p className="mt-3 text-sm text-ink-soft">
              Nothing arrived? Check your spam folder, or{" "}
              <Link href={loginHref(nextValue, email)} className="font-semibold text-brand underline" data-testid="login-link-again">
                send a new link
              </Link>
              .
            </p>
          </div>
        ) : (
          <>
            <p className="text-sm font-semibold uppercase tracking-wide text-brand">Customer portal</p>
            <h1 className="mt-1 text-2xl font-bold tracking-tight" data-testid="login-title">
              Sign in to your purchases
            </h1>
            <p className="mb-6 mt-2 text-ink-soft">
              Enter the email you bought with: we email you a link that signs you in. No password needed.
            </p>
            <MagicLinkForm email={email} next={nextValue} />
          </>
        )}
      </div>
      {sent ? null : (
        <details className="card mt-4 p-6 [&_summary::-webkit-details-marker]:hidden" data-testid="password-login">
          <summary className="cursor-pointer list-none text-sm font-semibold text-ink-soft hover:text-ink">
            Sign in with a password <span aria-hidden>▾</span>
          </summary>
          <div className="mt-4">
            <PasswordLoginForm email={email} next={nextValue} />
          </div>
        </details>
      )}
    </div>
  )
}
