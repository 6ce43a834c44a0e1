import * as contracts from "../index"
import * as intakeModule from "../../modules/intake"
import * as intakeSchema from "../../modules/intake/schema"
import * as invoiceConstants from "../../modules/invoice/constants"
import * as serviceOrderConstants from "../../modules/service-order/constants"
import * as serverErrors from "../../utils/errors"
import type { CartCreditView, CreditAccount, LedgerEntry, LedgerReason, OrderCreditRefundState } from "../../workflows/credit/types"
import type { PaymentInstructions as ServerPaymentInstructions } from "../../workflows/notification/payment-instructions"

/** An object type with its intersections flattened, so equal shapes compare equal. */
type Simplify<T> = { [K in keyof T]: T[K] }
/** `true` only when A and B are the same type (each assignable to the other, exactly). */
type Equal<A, B> = (<T>() => T extends Simplify<A> ? 1 : 2) extends <T>() => T extends Simplify<B> ? 1 : 2 ? true : false
const same = <A, B>(value: Equal<A, B>) => value

describe("Portico's contracts", () => {
  it("are what the server modules use (re-exported, not copied)", () => {
    expect(serviceOrderConstants.ServiceOrderStatus).toBe(contracts.ServiceOrderStatus)
    expect(serviceOrderConstants.SERVICE_ORDER_STATUSES).toBe(contracts.SERVICE_ORDER_STATUSES)
    expect(serviceOrderConstants.SERVICE_ORDER_TRANSITIONS).toBe(contracts.SERVICE_ORDER_TRANSITIONS)
    expect(serviceOrderConstants.ServiceOrderActor).toBe(contracts.ServiceOrderActor)
    expect(invoiceConstants.InvoiceStatus).toBe(contracts.InvoiceStatus)
    expect(serverErrors.PorticoErrorCode).toBe(contracts.PorticoErrorCode)
    expect(intakeSchema.validateIntake).toBe(contracts.validateIntake)
    expect(intakeModule.validateIntake).toBe(contracts.validateIntake)
    expect(intakeModule.IntakeFieldsSchema).toBe(contracts.IntakeFieldsSchema)
  })

  it("agree with the credit and payment-instruction shapes the workflows answer with", () => {
    // Compile-time: the routes answer with the workflows' types; the contracts must describe them exactly.
    expect(same<LedgerReason, contracts.CreditReason>(true)).toBe(true)
    expect(same<CreditAccount, contracts.CreditAccount>(true)).toBe(true)
    expect(same<CartCreditView, contracts.CartCredit>(true)).toBe(true)
    expect(same<OrderCreditRefundState, contracts.OrderCreditRefund>(true)).toBe(true)
    expect(same<LedgerEntry, contracts.AdminCreditTransaction>(true)).toBe(true)
    expect(same<Omit<LedgerEntry, "reference" | "reference_id">, contracts.CreditTransaction>(true)).toBe(true)
    expect(same<ServerPaymentInstructions, contracts.PaymentInstructions>(true)).toBe(true)
    expect([...contracts.PAYMENT_INSTRUCTIONS_STATUSES]).toEqual(["awaiting_payment", "paid", "canceled"])
  })

  it("offer each service-order status's next statuses from the one transition table", () => {
    expect(contracts.nextServiceOrderStatuses("pending", true)).toEqual(["submitted", "working", "canceled"])
    expect(contracts.nextServiceOrderStatuses("submitted", true)).toEqual(["working", "complete", "canceled", "pending"])
    expect(contracts.nextServiceOrderStatuses("submitted", false)).toEqual(["working", "complete", "canceled"])
    expect(contracts.nextServiceOrderStatuses("complete", false)).toEqual(["working"])
    expect(contracts.nextServiceOrderStatuses("canceled", true)).toEqual([])
    for (const status of contracts.SERVICE_ORDER_STATUSES) {
      expect(contracts.nextServiceOrderStatuses(status, true)).toEqual(contracts.SERVICE_ORDER_TRANSITIONS[status])
    }
  })

  it("name every error code once, in snake_case", () => {
    const codes = [...Object.values(contracts.PorticoErrorCode), ...Object.values(contracts.PorticoRequestErrorCode)]
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of [...codes, ...contracts.INTAKE_ERROR_CODES]) {
      expect(code).toMatch(/^[a-z][a-z0-9_]+$/)
    }
  })

  it("list every code validateIntake answers with", () => {
    const fields = contracts.IntakeFieldsSchema.parse([
      { key: "name", type: "text", label: "Name", required: true, min_length: 3 },
      { key: "mail", type: "email", label: "Mail" },
      { key: "n", type: "number", label: "N", max: 2 },
      { key: "pick", type: "multi_select", label: "Pick", options: ["a", "b"] },
      { key: "doc", type: "file", label: "Doc", accept: [".pdf"] },
    ])
    const result = contracts.validateIntake(
      fields,
      { name: "ab", mail: "x", n: "nine", pick: ["a", "a"], extra: 1 },
      [{ field: "doc", filename: "a.png", mime_type: "image/png", size: 1 }]
    )
    expect(result.ok).toBe(false)
    const codes = result.ok ? [] : result.errors.map((e) => e.code)
    expect(codes).toEqual(["unknown_field", "too_short", "invalid_email", "invalid_number", "duplicate_option", "file_type"])
    for (const code of codes) {
      expect(contracts.INTAKE_ERROR_CODES).toContain(code)
    }
  })
})
