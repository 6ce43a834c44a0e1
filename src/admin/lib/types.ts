/*
 * The admin's names for Portico's route shapes, all from Portico's contracts
 * (`src/contracts`), which the routes and the storefront share.
 */
export type {
  AdminCreditTransaction as CreditTransaction,
  AdminCustomerCreditResponse as CustomerCredit,
  AdminCreditTransactionsResponse as CreditLedgerPage,
  AdminFolderDetail as FolderDetail,
  AdminFolderService as FolderService,
  CreditAccount,
  FolderTreeNode as FolderNode,
  Invoice,
  InvoiceDetail,
  InvoiceLine,
  OrderCreditRefund,
  ServiceSettings,
} from "../../contracts/http"
export type { CreditReason, InvoiceStatusType as InvoiceStatus } from "../../contracts/statuses"
