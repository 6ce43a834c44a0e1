"use client"

import { useActionState } from "react"
import { login, register } from "@lib/data/customer"
import FormError from "@modules/common/components/form-error"

export function LoginForm() {
  const [state, action, pending] = useActionState(login, null)
  return (
    <form action={action} className="card flex flex-col gap-4 p-6" aria-labelledby="login-title">
      <h2 id="login-title" className="text-xl font-semibold">Sign in</h2>
      <div>
        <label htmlFor="login-email" className="label">Email</label>
        <input id="login-email" name="email" type="email" required autoComplete="email" className="input" />
      </div>
      <div>
        <label htmlFor="login-password" className="label">Password</label>
        <input id="login-password" name="password" type="password" required autoComplete="current-password" className="input" />
      </div>
      <FormError message={state?.error} />
      <button type="submit" className="btn-primary" disabled={pending} data-testid="login-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  )
}

export function RegisterForm() {
  const [state, action, pending] = useActionState(register, null)
  return (
    <form action={action} className="card flex flex-col gap-4 p-6" aria-labelledby="register-title">
      <h2 id="register-title" className="text-xl font-semibold">Create an account</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="reg-first" className="label">First name</label>
          <input id="reg-first" name="first_name" required autoComplete="given-name" className="input" />
        </div>
        <div>
          <label htmlFor="reg-last" className="label">Last name</label>
          <input id="reg-last" name="last_name" required autoComplete="family-name" className="input" />
        </div>
      </div>
      <div>
        <label htmlFor="reg-email" className="label">Email</label>
        <input id="reg-email" name="email" type="email" required autoComplete="email" className="input" />
      </div>
      <div>
        <label htmlFor="reg-password" className="label">Password</label>
        <input id="reg-password" name="password" type="password" required minLength={8} autoComplete="new-password" className="input" aria-describedby="reg-password-help" />
        <p id="reg-password-help" className="mt-1 text-xs text-ink-faint">At least 8 characters.</p>
      </div>
      <FormError message={state?.error} />
      <button type="submit" className="btn-primary" disabled={pending} data-testid="register-submit">
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  )
}
