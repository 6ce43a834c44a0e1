import { invoiceTransitionStep } from "./invoice-transition"

export const voidInvoiceStepId = "portico-void-invoice-step"

/**
 * `open` → `void`, e.g. when the order is canceled before payment. Already
 * void: `transitioned: false`. Compensation reopens a transitioned invoice.
 */
export const voidInvoiceStep = invoiceTransitionStep(voidInvoiceStepId, "voidInvoice")
