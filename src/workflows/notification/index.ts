export * from "./steps/send-payment-notifications"
export * from "./steps/upsert-email-template"
export * from "./workflows/upsert-email-template"
export { sendPorticoEmails, canSendEmails, type PorticoEmail, type SentEmail } from "./send-email"
export {
  orderPaymentInstructions,
  PAYMENT_INSTRUCTIONS_ORDER_FIELDS,
  type OrderPaymentInstructions,
  type PaymentInstructions,
} from "./payment-instructions"
export { sendPaymentInstructionsEmail, paymentInstructionsKey, type InvoiceOpenedEvent } from "./payment-instructions-email"
export {
  sendDueRenewalReminders,
  sendSubscriptionCanceledEmail,
  sendSubscriptionPaymentActionEmail,
  sendSubscriptionPaymentFailedEmail,
  subscriptionEmailKeys,
  type RenewalRemindersResult,
} from "./subscription-emails"
