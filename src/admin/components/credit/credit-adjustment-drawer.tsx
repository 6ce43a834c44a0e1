import { Button, Drawer, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import type { AdminCreditAdjustmentBody } from "../../../contracts/http"
import { portico } from "../../lib/api"
import { formatMoney } from "../../lib/format"
import { porticoKeys } from "../../lib/query-keys"
import type { CreditAccount } from "../../lib/types"
import { AmountInput, amountOf, creditFieldErrors, useStoreCurrencies } from "./credit"
import { FormField } from "../common/form-field"

export type CreditAdjustmentType = "grant" | "deduct"

const FORM_FIELDS = ["currency_code", "amount", "note"]

/**
 * The "Grant credit" / "Deduct credit" drawer of a customer: currency, amount
 * and a required note. Grants can be made in any currency the store sells;
 * deductions only from an existing balance. The server's refusals
 * (`insufficient_credit`, a missing note, …) are shown on their field, other
 * refusals as a message; on success the balances and the ledger are refetched.
 */
export const CreditAdjustmentDrawer = ({
  customerId,
  type,
  accounts,
  preferredCurrency,
  onClose,
}: {
  customerId: string
  type: CreditAdjustmentType | null
  accounts: CreditAccount[]
  /** The currency to start with (the ledger's filter), when it fits. */
  preferredCurrency?: string
  onClose: () => void
}) => (
  <Drawer open={!!type} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content data-testid="credit-adjustment">
      {type && (
        <AdjustmentForm
          key={type}
          customerId={customerId}
          type={type}
          accounts={accounts}
          preferredCurrency={preferredCurrency}
          onClose={onClose}
        />
      )}
    </Drawer.Content>
  </Drawer>
)

const AdjustmentForm = ({
  customerId,
  type,
  accounts,
  preferredCurrency,
  onClose,
}: {
  customerId: string
  type: CreditAdjustmentType
  accounts: CreditAccount[]
  preferredCurrency?: string
  onClose: () => void
}) => {
  const queryClient = useQueryClient()
  const { data: storeCurrencies } = useStoreCurrencies()
  const granting = type === "grant"
  // Grants: every currency the store sells; deductions: the balances there are.
  const options = granting
    ? (storeCurrencies ?? []).map((c) => c.currency_code)
    : accounts.filter((a) => a.balance > 0).map((a) => a.currency_code)
  const fallback = granting ? storeCurrencies?.[0]?.currency_code : options[0]
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const currency =
    chosen ?? (preferredCurrency && options.includes(preferredCurrency) ? preferredCurrency : fallback)
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const balance = accounts.find((a) => a.currency_code === currency)?.balance ?? 0

  const save = useMutation({
    mutationFn: () =>
      // The amount as typed when it is not a number: the server names the field.
      portico.admin.customers.adjustCredit(customerId, {
        type,
        currency_code: currency,
        amount: amountOf(amount),
        note,
      } as AdminCreditAdjustmentBody),
    onSuccess: async ({ accounts: updated }) => {
      setErrors({})
      queryClient.setQueryData(porticoKeys.customerCredit(customerId), (old: { has_account: boolean } | undefined) => ({
        has_account: old?.has_account ?? true,
        accounts: updated,
      }))
      await queryClient.invalidateQueries({ queryKey: porticoKeys.customerCredit(customerId) })
      const money = formatMoney(amountOf(amount) as number, currency ?? "usd")
      toast.success(granting ? `${money} of credit granted` : `${money} of credit deducted`)
      onClose()
    },
    onError: (error) => {
      const byField = creditFieldErrors(error)
      setErrors(byField)
      if (!FORM_FIELDS.some((f) => byField[f])) {
        toast.error(error.message)
      }
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (save.isPending) {
      return
    }
    save.mutate()
  }

  const noBalance = !granting && !options.length

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{granting ? "Grant credit" : "Deduct credit"}</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          {granting
            ? "Adds to the client's balance; it is applied automatically to their next checkouts."
            : "Takes credit off the client's balance, never below zero."}
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {noBalance ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="credit-nothing-to-deduct">
            This customer has no credit to deduct.
          </Text>
        ) : (
          <>
            <FormField id="credit-currency" label="Currency" error={errors.currency_code}>
              <Select value={currency ?? ""} onValueChange={setChosen} disabled={options.length < 2}>
                <Select.Trigger id="credit-currency" data-testid="credit-currency">
                  <Select.Value placeholder="Choose…" />
                </Select.Trigger>
                <Select.Content>
                  {options.map((code) => (
                    <Select.Item key={code} value={code}>
                      {code.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField
              id="credit-amount"
              label="Amount"
              hint={currency ? `Current balance: ${formatMoney(balance, currency)}` : undefined}
              error={errors.amount}
            >
              <AmountInput
                id="credit-amount"
                currency={currency ?? "usd"}
                value={amount}
                onChange={setAmount}
                invalid={!!errors.amount}
              />
            </FormField>
            <FormField
              id="credit-note"
              label="Note"
              hint="Why: kept with the entry, and shown to the client in their credit history."
              error={errors.note}
            >
              <Textarea
                id="credit-note"
                data-testid="credit-note"
                rows={3}
                maxLength={500}
                value={note}
                aria-invalid={!!errors.note || undefined}
                onChange={(e) => setNote(e.target.value)}
              />
            </FormField>
          </>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          variant={granting ? "primary" : "danger"}
          disabled={noBalance || !currency}
          isLoading={save.isPending}
          data-testid="credit-save"
        >
          {granting ? "Grant credit" : "Deduct credit"}
        </Button>
      </Drawer.Footer>
    </form>
  )
}
