"use client"

import Link from "next/link"
import { useActionState } from "react"
import { login, requestLoginLink, verifyLoginLink } from "@lib/data/customer"
import { LOGIN_LINK_INVALID } from "@lib/util/errors"
import { loginHref } from "@lib/util/portal"
import FormError from "@modules/common/components/form-error"

/** The email field of both ways to sign in, filled in with what was typed (or the link's `?email=`). */
function EmailField({ id, value }: { id: string; value?: string }) {
  return (
    <div>
      <label htmlFor={id} className="label">Email</label>
      <input id={id} name="email" type="email" required autoComplete="email" inputMode="email" defaultValue={value ?? ""} className="input" />
    </div>
  )
}

/** "Email me a login link": one email field; the page then says "check your email". */
export function MagicLinkForm({ email, next }: { email?: string; next?: string }) {
  const [state, action, pending] = useActionState(requestLoginLink, null)
  return (
    <form action={action} className="flex flex-col gap-4" aria-labelledby="magic-link-title" data-testid="magic-link-form">
      <h2 id="magic-link-title" className="sr-only">Email me a login link</h2>
      <input type="hidden" name="next" value={next ?? ""} />
      <EmailField id="magic-email" value={state?.values?.email ?? email} />
      <FormError message={state?.error} />
      <button type="submit" className="btn-primary w-full" disabled={pending} data-testid="magic-link-submit">
        {pending ? "Sending…" : "Email me a login link"}
      </button>
    </form>
  )
}

/** Sign in with a password, for accounts that have one (folded away under the login link). */
export function PasswordLoginForm({ email, next }: { email?: string; next?: string }) {
  const [state, action, pending] = useActionState(login, null)
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Sign in with a password">
      <input type="hidden" name="next" value={next ?? ""} />
      <EmailField id="login-email" value={state?.values?.email ?? email} />
      <div>
        <label htmlFor="login-password" className="label">Password</label>
        <input id="login-password" name="password" type="password" required autoComplete="current-password" className="input" />
      </div>
      <FormError message={state?.error} />
      <button type="submit" className="btn-secondary w-full" disabled={pending} data-testid="login-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  )
}

/**
 * The login link's page: the token is consumed only when the client presses
 * "Sign in" (this form's POST), never by opening the link. An invalid,
 * expired or used link says so, with the way to ask for a new one.
 */
export function VerifyLoginForm({ token, next }: { token: string; next?: string }) {
  const [state, action, pending] = useActionState(verifyLoginLink, null)
  if (!token || state?.code === LOGIN_LINK_INVALID) {
    return (
      <div className="flex flex-col gap-4" role="alert" data-testid="login-link-invalid">
        <p className="font-semibold">This login link is invalid or has expired.</p>
        <p className="text-sm text-ink-soft">Login links work once, for a short time. Ask for a new one: it takes a moment.</p>
        <Link href={loginHref(next)} className="btn-primary w-full" data-testid="request-new-link">
          Email me a new login link
        </Link>
      </div>
    )
  }
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="verify-form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next ?? ""} />
      <FormError message={state?.error} />
      <button type="submit" className="btn-primary w-full" disabled={pending} data-testid="verify-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  )
}
