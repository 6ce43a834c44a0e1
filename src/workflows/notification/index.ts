export * from "./steps/send-payment-notifications"
export * from "./steps/upsert-email-template"
export * from "./workflows/upsert-email-template"
export { sendPorticoEmails, canSendEmails, type PorticoEmail, type SentEmail } from "./send-email"
