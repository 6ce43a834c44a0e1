import type { PaymentInstructions as Instructions } from "medusa-plugin-portico/contracts"
import { formatMoney } from "@lib/util/money"

/** An IBAN in groups of four, as printed on bank statements (`DE89 3704 0044 …`). */
function groupIban(iban: string) {
  return iban.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ")
}

/**
 * "How to pay": the bank details, amount and reference (the invoice number)
 * of an order placed with bank transfer, while the money has not arrived.
 * Renders nothing for other payment methods or once the invoice is paid.
 */
export default function PaymentInstructions({
  instructions,
  className = "",
}: {
  instructions?: Instructions | null
  className?: string
}) {
  if (!instructions || instructions.status !== "awaiting_payment") {
    return null
  }
  const { account_holder, iban, bic, bank_name, text, reference, amount, currency_code } = instructions
  const rows: { label: string; value: string; testId: string; mono?: boolean }[] = [
    { label: "Amount", value: formatMoney(amount, currency_code), testId: "payment-amount" },
    ...(account_holder ? [{ label: "Account holder", value: account_holder, testId: "payment-account-holder" }] : []),
    ...(iban ? [{ label: "IBAN", value: groupIban(iban), testId: "payment-iban", mono: true }] : []),
    ...(bic ? [{ label: "BIC / SWIFT", value: bic, testId: "payment-bic", mono: true }] : []),
    ...(bank_name ? [{ label: "Bank", value: bank_name, testId: "payment-bank-name" }] : []),
  ]
  return (
    <section
      className={`card border-2 border-amber-300 bg-amber-50 p-6 ${className}`}
      aria-labelledby="payment-instructions-title"
      data-testid="payment-instructions"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-amber-800">Awaiting your payment</p>
      <h2 id="payment-instructions-title" className="mt-1 text-2xl font-bold tracking-tight">
        How to pay
      </h2>
      {/* The merchant's words come before the details they refer to ("the account below"). */}
      {text.trim() ? (
        <p className="mt-2 whitespace-pre-line text-ink" data-testid="payment-text">
          {text}
        </p>
      ) : (
        <p className="mt-2 text-ink-soft">
          Transfer <strong className="text-ink">{formatMoney(amount, currency_code)}</strong> to the account below,
          with the reference. We start on your order once the money arrives.
        </p>
      )}

      <div className="mt-5 rounded-lg border border-amber-300 bg-white p-4">
        <p className="text-sm font-semibold text-ink-soft">Payment reference — write it on your transfer</p>
        <p className="mt-1 select-all font-mono text-2xl font-bold tracking-wide text-ink" data-testid="payment-reference">
          {reference}
        </p>
      </div>

      <dl className="mt-4 grid gap-x-6 gap-y-0.5 sm:grid-cols-[max-content_1fr] sm:gap-y-3">
        {rows.map((row) => (
          <div key={row.testId} className="contents">
            <dt className="pt-2 text-sm font-semibold text-ink-soft sm:pt-0">{row.label}</dt>
            <dd className={`select-all break-words text-ink ${row.mono ? "font-mono" : ""}`} data-testid={row.testId}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
