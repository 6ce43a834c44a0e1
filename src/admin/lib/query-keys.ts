/** React Query keys of Portico's admin data; invalidate a prefix after a change. */
export const porticoKeys = {
  folders: ["portico", "folders"] as const,
  folderTree: ["portico", "folders", "tree"] as const,
  folder: (id: string) => ["portico", "folders", "detail", id] as const,
  serviceSettings: ["portico", "service-settings"] as const,
  settingsOf: (productId: string) => ["portico", "service-settings", productId] as const,
  invoices: ["portico", "invoices"] as const,
  /** Every account-credit query (balances, ledgers, order refunds). */
  credit: ["portico", "credit"] as const,
  /** A customer's balances; also the prefix of their ledger pages. */
  customerCredit: (customerId: string) => ["portico", "credit", "customer", customerId] as const,
  creditLedger: (customerId: string, page: { currency_code?: string; offset: number }) =>
    ["portico", "credit", "customer", customerId, "ledger", page] as const,
  orderCreditRefund: (orderId: string) => ["portico", "credit", "order", orderId] as const,
  storeCurrencies: ["portico", "store-currencies"] as const,
  /** Every service-order query (lists and details). */
  serviceOrders: ["portico", "service-orders"] as const,
  serviceOrder: (id: string) => ["portico", "service-orders", "detail", id] as const,
  /** Every intake-form query (lists, details, the service settings' picker). */
  intakeForms: ["portico", "intake-forms"] as const,
  intakeForm: (id: string) => ["portico", "intake-forms", "detail", id] as const,
  /** Every subscription query (lists, details, the customer and order widgets). */
  subscriptions: ["portico", "subscriptions"] as const,
  subscription: (id: string) => ["portico", "subscriptions", "detail", id] as const,
  /** Every product-file query (a service's files, their downloads). */
  productFiles: ["portico", "product-files"] as const,
  filesOf: (productId: string) => ["portico", "product-files", productId] as const,
  fileDownloads: (productId: string, fileId: string, offset: number) =>
    ["portico", "product-files", productId, "downloads", fileId, offset] as const,
  /** Every license-key query (lists, details, the order and customer widgets). */
  licenseKeys: ["portico", "license-keys"] as const,
  licenseKey: (id: string) => ["portico", "license-keys", "detail", id] as const,
  /** The customer-portal link. */
  portal: ["portico", "portal"] as const,
}
