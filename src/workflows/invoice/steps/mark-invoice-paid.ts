import { invoiceTransitionStep } from "./invoice-transition"

export const markInvoicePaidStepId = "portico-mark-invoice-paid-step"

/**
 * `open` → `paid`. An invoice already paid is success with `transitioned:
 * false` (duplicate webhooks and retries are expected). Compensation puts a
 * transitioned invoice back to `open`.
 */
export const markInvoicePaidStep = invoiceTransitionStep(markInvoicePaidStepId, "markPaid")
