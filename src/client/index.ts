/**
 * Portico's typed client, exported as `medusa-plugin-portico/client`: one
 * function per Portico route (store and admin), typed with Portico's
 * contracts, beside the js-sdk (`@medusajs/js-sdk`) an app already uses for
 * Medusa's own routes. A refused call throws {@link PorticoApiError}, which
 * keeps the body's `code` and `errors[]`; {@link PorticoClient.fetch} gives
 * the same for any other route (a core route whose refusal a client words
 * itself, such as adding to a cart → `currency_mismatch`).
 *
 * ```ts
 * import Medusa from "@medusajs/js-sdk"
 * import { createPorticoClient } from "medusa-plugin-portico/client"
 *
 * const config = { baseUrl: "http://localhost:9000", publishableKey: "pk_…" }
 * const sdk = new Medusa(config)
 * const portico = createPorticoClient(config, { sdk })
 * const { service_orders } = await portico.store.serviceOrders.list({ status: "pending" })
 * ```
 */
import type { HttpTypes } from "@medusajs/types"
import type {
  AdminFileDownloadsResponse,
  AdminLicenseKeyChangeBody,
  AdminLicenseKeyListQuery,
  AdminProductFileResponse,
  AdminProductFilesResponse,
  AdminUpdateProductFileBody,
  LicenseKeyListQuery,
  LicenseKeyListResponse,
  LicenseKeyResponse,
  StoreDownloadLinkResponse,
  StoreEntitlementListQuery,
  StoreEntitlementListResponse,
  AdminCreateFolderBody,
  AdminCreateIntakeFormBody,
  AdminCreditAdjustmentBody,
  AdminCreditAdjustmentResponse,
  AdminCreditRefundBody,
  AdminCreditRefundResponse,
  AdminCreditTransactionsResponse,
  AdminCustomerCreditResponse,
  AdminEmailPreviewBody,
  AdminEmailPreviewResponse,
  AdminEmailTemplateBody,
  AdminEmailTemplateListResponse,
  AdminEmailTemplateResponse,
  AdminFolderResponse,
  AdminFolderServicesBody,
  AdminIntakeFormListQuery,
  AdminIntakeFormListResponse,
  AdminIntakeFormResponse,
  AdminLoginLinkResponse,
  AdminPortalResponse,
  AdminInvoiceListQuery,
  AdminInvoiceListResponse,
  AdminMailboxResponse,
  AdminOrderCreditRefundResponse,
  AdminReorderFoldersBody,
  AdminReorderFoldersResponse,
  AdminServiceOrderListQuery,
  AdminServiceOrderListResponse,
  AdminServiceOrderResponse,
  AdminServiceOrderStatusBody,
  AdminServiceSettingsBody,
  AdminUpdateFolderBody,
  AdminUpdateIntakeFormBody,
  CartCreditBody,
  CartCreditResponse,
  CreditTransactionsQuery,
  Deleted,
  Folder,
  FolderListQuery,
  FolderListResponse,
  FolderTreeResponse,
  InvoiceResponse,
  PageQuery,
  PaymentInstructionsResponse,
  ServiceSettingsResponse,
  StoreAccountResponse,
  StoreCreditAccountsResponse,
  StoreCreditTransactionsResponse,
  StoreFolderServicesQuery,
  StoreFolderServicesResponse,
  StoreInvoiceListQuery,
  StoreInvoiceListResponse,
  StoreInvoiceResponse,
  StoreOrderServiceOrdersResponse,
  StoreServiceOrderListQuery,
  StoreServiceOrderListResponse,
  StoreServiceOrderResponse,
  AdminSubscriptionChangeBody,
  AdminSubscriptionResponse,
  StoreRenewalPaymentResponse,
  StoreSubscriptionCardSetupResponse,
  StoreSubscriptionChangeBody,
  StoreSubscriptionPaymentMethodBody,
  StoreSubscriptionResponse,
  SubscriptionListResponse,
} from "../contracts/http"
import type { SubscriptionStatusType } from "../contracts/statuses"
import { createTransport, type CallOptions, type PorticoClientConfig, type QueryValue, type RequestOptions, type TransportOptions } from "./http"

export { errorCodeOf, fieldErrorsOf, isPorticoApiError, PorticoApiError } from "./errors"
export type { CallOptions, PorticoClientConfig, QueryValue, RequestHeaders, RequestOptions, TransportOptions } from "./http"

const id = encodeURIComponent
const q = (query: object | undefined) => query as Record<string, QueryValue> | undefined

/**
 * Portico's client for `config` (the same object the js-sdk is created
 * with). Pass `{ sdk }` so a `jwt` client sends the token the js-sdk stores;
 * a server that keeps each customer's token itself passes it per call
 * (`{ headers: { authorization } }`) instead.
 */
export function createPorticoClient(config: PorticoClientConfig, options: TransportOptions = {}) {
  const http = createTransport(config, options)
  const get = <T>(path: string, query: object | undefined, call?: CallOptions) =>
    http.json<T>(path, { ...call, query: { ...call?.query, ...q(query) } })
  const post = <T>(path: string, body: unknown, call?: CallOptions) => http.json<T>(path, { ...call, method: "POST", body })
  const del = <T>(path: string, call?: CallOptions) => http.json<T>(path, { ...call, method: "DELETE" })

  return {
    /**
     * Any route of the backend, core ones included, answered as JSON; a
     * refusal throws {@link PorticoApiError} with the body's `code` and `errors[]`.
     */
    fetch: <T>(path: string, init?: RequestOptions) => http.json<T>(path, init),
    /** Like {@link fetch}, but the raw `Response` (files, HTML). */
    fetchRaw: (path: string, init?: RequestOptions) => http.raw(path, init),
    /** The absolute address of a route (e.g. a file the browser downloads with its session). */
    url: (path: string, query?: Record<string, QueryValue>) => http.url(path, query),

    store: {
      account: {
        /**
         * `POST /store/portico/account`: after a magic-link login, opens the
         * client's account and claims the email's guest purchases (call with
         * the login's token, then refresh it: `POST /auth/token/refresh`).
         */
        open: (call?: CallOptions) => post<StoreAccountResponse>("/store/portico/account", {}, call),
      },
      folders: {
        /** `GET /store/portico/folders`: visible folders, one level (`parent_id`, `null` for the top). */
        list: (query?: FolderListQuery, call?: CallOptions) => get<FolderListResponse>("/store/portico/folders", query, call),
        /** `GET /store/portico/folders/tree`: the visible folders as a tree, with published service counts. */
        tree: (call?: CallOptions) => get<FolderTreeResponse>("/store/portico/folders/tree", undefined, call),
        /** `GET /store/portico/folders/:id/services`: a visible folder's services (`:id` or handle), priced in `region_id`. */
        services: (idOrHandle: string, query?: StoreFolderServicesQuery, call?: CallOptions) =>
          get<StoreFolderServicesResponse>(`/store/portico/folders/${id(idOrHandle)}/services`, query, call),
      },
      carts: {
        /** `GET /store/carts/:id/credit`: the signed-in client's account credit on their cart, recomputed. */
        credit: (cartId: string, call?: CallOptions) => get<CartCreditResponse>(`/store/carts/${id(cartId)}/credit`, undefined, call),
        /** `POST /store/carts/:id/credit`: switches account credit on or off for the cart. */
        setCredit: (cartId: string, body: CartCreditBody, call?: CallOptions) =>
          post<CartCreditResponse>(`/store/carts/${id(cartId)}/credit`, body, call),
        /** `GET /store/carts/:id/invoice`: the cart's invoice, brought up to date first. */
        invoice: (cartId: string, call?: CallOptions) => get<InvoiceResponse>(`/store/carts/${id(cartId)}/invoice`, undefined, call),
        // Medusa's cart routes that answer Portico's codes (the currency lock's
        // `currency_mismatch`; the routes Portico replaces at the same path:
        // `insufficient_credit`, `payment_declined`, `payment_requires_action`).
        /** `POST /store/carts/:id` (Medusa's): region, email, addresses; `currency_mismatch` when the region's currency does not price a service of the cart. */
        update: (cartId: string, body: HttpTypes.StoreUpdateCart, call?: CallOptions) =>
          post<HttpTypes.StoreCartResponse>(`/store/carts/${id(cartId)}`, body, call),
        /** `POST /store/carts/:id/line-items` (Medusa's): `currency_mismatch` for a service not priced in the cart's currency. */
        addLineItem: (cartId: string, body: HttpTypes.StoreAddCartLineItem, call?: CallOptions) =>
          post<HttpTypes.StoreCartResponse>(`/store/carts/${id(cartId)}/line-items`, body, call),
        /** `POST /store/carts/:id/promotions` (Portico's, replacing Medusa's): applies codes, then the account credit follows the new total. */
        addPromotions: (cartId: string, body: HttpTypes.StoreCartAddPromotion, call?: CallOptions) =>
          post<HttpTypes.StoreCartResponse>(`/store/carts/${id(cartId)}/promotions`, body, call),
        /** `DELETE /store/carts/:id/promotions` (Portico's, replacing Medusa's): removes codes, then the credit follows. */
        removePromotions: (cartId: string, body: HttpTypes.StoreCartRemovePromotion, call?: CallOptions) =>
          http.json<HttpTypes.StoreCartResponse>(`/store/carts/${id(cartId)}/promotions`, { ...call, method: "DELETE", body }),
        /**
         * `POST /store/carts/:id/complete` (Portico's, replacing Medusa's): places the order;
         * `insufficient_credit`, `payment_declined`, `payment_requires_action` refusals keep their code.
         */
        complete: (cartId: string, call?: CallOptions) =>
          post<HttpTypes.StoreCompleteCartResponse>(`/store/carts/${id(cartId)}/complete`, undefined, call),
        /**
         * Starts a payment session with `provider_id` for the cart
         * (`POST /store/payment-collections/:id/payment-sessions`, Portico's: account
         * credit applied first), creating the cart's payment collection first when
         * it has none, as the js-sdk's `store.payment.initiatePaymentSession` does.
         */
        initiatePaymentSession: async (
          cart: { id: string; payment_collection?: { id: string } | null },
          body: HttpTypes.StoreInitializePaymentSession,
          call?: CallOptions
        ) => {
          const collectionId =
            cart.payment_collection?.id ??
            (await post<HttpTypes.StorePaymentCollectionResponse>("/store/payment-collections", { cart_id: cart.id }, call)).payment_collection.id
          return post<HttpTypes.StorePaymentCollectionResponse>(`/store/payment-collections/${id(collectionId)}/payment-sessions`, body, call)
        },
      },
      orders: {
        /** `GET /store/orders/:id/invoice`: the order's invoice, brought up to date first. */
        invoice: (orderId: string, call?: CallOptions) => get<InvoiceResponse>(`/store/orders/${id(orderId)}/invoice`, undefined, call),
        /** `GET /store/orders/:id/payment-instructions`: how to pay a bank-transfer order (`null` for other methods). */
        paymentInstructions: (orderId: string, call?: CallOptions) =>
          get<PaymentInstructionsResponse>(`/store/orders/${id(orderId)}/payment-instructions`, undefined, call),
        /** `GET /store/portico/orders/:id/service-orders`: the order's service orders, created first once it is paid. */
        serviceOrders: (orderId: string, call?: CallOptions) =>
          get<StoreOrderServiceOrdersResponse>(`/store/portico/orders/${id(orderId)}/service-orders`, undefined, call),
      },
      credit: {
        /** `GET /store/portico/credit`: the signed-in client's credit accounts, one per currency. */
        accounts: (call?: CallOptions) => get<StoreCreditAccountsResponse>("/store/portico/credit", undefined, call),
        /** `GET /store/portico/credit/transactions`: the signed-in client's credit history, newest first. */
        transactions: (query?: CreditTransactionsQuery, call?: CallOptions) =>
          get<StoreCreditTransactionsResponse>("/store/portico/credit/transactions", query, call),
      },
      invoices: {
        /** `GET /store/portico/invoices`: the signed-in client's invoices (`open`, `paid`, `void`), newest first. */
        list: (query?: StoreInvoiceListQuery, call?: CallOptions) => get<StoreInvoiceListResponse>("/store/portico/invoices", query, call),
        /** `GET /store/portico/invoices/:number`: one of them with its lines and, while unpaid by bank transfer, how to pay it. */
        retrieve: (number: string, call?: CallOptions) => get<StoreInvoiceResponse>(`/store/portico/invoices/${id(number)}`, undefined, call),
        /** `GET /store/portico/invoices/:number/pdf`: its PDF, as the raw response (`application/pdf`, attachment `<number>.pdf`). */
        pdf: (number: string, call?: CallOptions) =>
          http.raw(`/store/portico/invoices/${id(number)}/pdf`, { ...call, headers: { accept: "application/pdf", ...call?.headers } }),
      },
      subscriptions: {
        /** `GET /store/portico/subscriptions`: the signed-in client's subscriptions, newest first. */
        list: (query?: PageQuery & { status?: SubscriptionStatusType[] }, call?: CallOptions) =>
          get<SubscriptionListResponse>("/store/portico/subscriptions", query, call),
        /** `GET /store/portico/subscriptions/:id`: one of them with its renewals. */
        retrieve: (subscriptionId: string, call?: CallOptions) =>
          get<StoreSubscriptionResponse>(`/store/portico/subscriptions/${id(subscriptionId)}`, undefined, call),
        /** `POST /store/portico/subscriptions/:id/changes`: cancel (now or at period end), undo, pause, resume. */
        change: (subscriptionId: string, body: StoreSubscriptionChangeBody, call?: CallOptions) =>
          post<StoreSubscriptionResponse>(`/store/portico/subscriptions/${id(subscriptionId)}/changes`, body, call),
        /** `POST /store/portico/subscriptions/:id/renewals/:renewal_id/payment`: a payment session to pay an unpaid renewal. */
        payRenewal: (subscriptionId: string, renewalId: string, body: { provider_id?: string } = {}, call?: CallOptions) =>
          post<StoreRenewalPaymentResponse>(
            `/store/portico/subscriptions/${id(subscriptionId)}/renewals/${id(renewalId)}/payment`,
            body,
            call
          ),
        /** `POST /store/portico/subscriptions/:id/renewals/:renewal_id/complete`: after the browser confirmed the payment. */
        completeRenewal: (subscriptionId: string, renewalId: string, call?: CallOptions) =>
          post<StoreSubscriptionResponse>(
            `/store/portico/subscriptions/${id(subscriptionId)}/renewals/${id(renewalId)}/complete`,
            {},
            call
          ),
        /** `POST /store/portico/subscriptions/:id/payment-method/setup`: a SetupIntent for a new card. */
        setupCard: (subscriptionId: string, call?: CallOptions) =>
          post<StoreSubscriptionCardSetupResponse>(`/store/portico/subscriptions/${id(subscriptionId)}/payment-method/setup`, {}, call),
        /** `POST /store/portico/subscriptions/:id/payment-method`: the confirmed card becomes the subscription's. */
        setPaymentMethod: (subscriptionId: string, body: StoreSubscriptionPaymentMethodBody, call?: CallOptions) =>
          post<StoreSubscriptionResponse>(`/store/portico/subscriptions/${id(subscriptionId)}/payment-method`, body, call),
      },
      entitlements: {
        /** `GET /store/portico/entitlements`: the signed-in client's purchased lines with their files and license keys, newest first. */
        list: (query?: StoreEntitlementListQuery, call?: CallOptions) =>
          get<StoreEntitlementListResponse>("/store/portico/entitlements", query, call),
      },
      files: {
        /** `POST /store/portico/files/:id/download-link`: a short-lived link to the file's newest version (the browser opens it). */
        downloadLink: (fileId: string, call?: CallOptions) =>
          post<StoreDownloadLinkResponse>(`/store/portico/files/${id(fileId)}/download-link`, {}, call),
      },
      licenseKeys: {
        /** `GET /store/portico/license-keys`: the signed-in client's license keys with their active instances. */
        list: (query?: LicenseKeyListQuery, call?: CallOptions) => get<LicenseKeyListResponse>("/store/portico/license-keys", query, call),
        /** `GET /store/portico/license-keys/:id`. */
        retrieve: (keyId: string, call?: CallOptions) => get<LicenseKeyResponse>(`/store/portico/license-keys/${id(keyId)}`, undefined, call),
        /** `POST /store/portico/license-keys/:id/instances/:instance_id/deactivate`: frees that activation slot. */
        deactivate: (keyId: string, instanceId: string, call?: CallOptions) =>
          post<LicenseKeyResponse>(`/store/portico/license-keys/${id(keyId)}/instances/${id(instanceId)}/deactivate`, {}, call),
      },
      serviceOrders: {
        /** `GET /store/portico/service-orders`: the signed-in client's service orders, newest first. */
        list: (query?: StoreServiceOrderListQuery, call?: CallOptions) =>
          get<StoreServiceOrderListResponse>("/store/portico/service-orders", query, call),
        /** `GET /store/portico/service-orders/:id`: one service order with its history and intake. */
        retrieve: (serviceOrderId: string, call?: CallOptions) =>
          get<StoreServiceOrderResponse>(`/store/portico/service-orders/${id(serviceOrderId)}`, undefined, call),
        /**
         * `POST /store/portico/service-orders/:id/intake`: the intake answers,
         * as `FormData` (an `answers` JSON part and one part per file, named by
         * its field key) or as `{ answers }` when there are no files. A refusal
         * (`invalid_intake`) lists the fields in `errors[]` (`answers.<key>`).
         */
        submitIntake: (serviceOrderId: string, body: FormData | { answers: Record<string, unknown> }, call?: CallOptions) =>
          post<StoreServiceOrderResponse>(`/store/portico/service-orders/${id(serviceOrderId)}/intake`, body, call),
        /** `GET /store/portico/service-orders/:id/files/:file_id`: a file of the intake, as the raw response. */
        file: (serviceOrderId: string, fileId: string, call?: CallOptions) =>
          http.raw(`/store/portico/service-orders/${id(serviceOrderId)}/files/${id(fileId)}`, { ...call, headers: { accept: "*/*", ...call?.headers } }),
      },
    },

    admin: {
      folders: {
        /** `GET /admin/portico/folders`: all folders, one level or all. */
        list: (query?: FolderListQuery, call?: CallOptions) => get<FolderListResponse>("/admin/portico/folders", query, call),
        /** `GET /admin/portico/folders/tree`: every folder (hidden ones too) as a tree. */
        tree: (call?: CallOptions) => get<FolderTreeResponse>("/admin/portico/folders/tree", undefined, call),
        /** `GET /admin/portico/folders/:id`: one folder (id or handle) with its services. */
        retrieve: (folderId: string, call?: CallOptions) => get<AdminFolderResponse>(`/admin/portico/folders/${id(folderId)}`, undefined, call),
        /** `POST /admin/portico/folders`: creates a folder. */
        create: (body: AdminCreateFolderBody, call?: CallOptions) => post<{ folder: Folder }>("/admin/portico/folders", body, call),
        /** `POST /admin/portico/folders/:id`: renames, hides or shows, moves a folder. */
        update: (folderId: string, body: AdminUpdateFolderBody, call?: CallOptions) =>
          post<{ folder: Folder }>(`/admin/portico/folders/${id(folderId)}`, body, call),
        /** `DELETE /admin/portico/folders/:id`: deletes an empty folder (`folder_not_empty` otherwise). */
        delete: (folderId: string, call?: CallOptions) => del<Deleted<"service_folder">>(`/admin/portico/folders/${id(folderId)}`, call),
        /** `POST /admin/portico/folders/tree/order`: orders the siblings under `parent_id`. */
        reorder: (body: AdminReorderFoldersBody, call?: CallOptions) =>
          post<AdminReorderFoldersResponse>("/admin/portico/folders/tree/order", body, call),
        /** `POST /admin/portico/folders/:id/services`: puts services into the folder or takes them out. */
        services: (folderId: string, body: AdminFolderServicesBody, call?: CallOptions) =>
          post<AdminFolderResponse>(`/admin/portico/folders/${id(folderId)}/services`, body, call),
      },
      services: {
        /** `GET /admin/portico/services/:id/settings` (`:id`: product id). */
        settings: (productId: string, call?: CallOptions) =>
          get<ServiceSettingsResponse>(`/admin/portico/services/${id(productId)}/settings`, undefined, call),
        /** `POST /admin/portico/services/:id/settings`: saves the given settings. */
        saveSettings: (productId: string, body: AdminServiceSettingsBody, call?: CallOptions) =>
          post<ServiceSettingsResponse>(`/admin/portico/services/${id(productId)}/settings`, body, call),
      },
      intakeForms: {
        /** `GET /admin/portico/intake-forms`: forms by title (`q`), a page at a time. */
        list: (query?: AdminIntakeFormListQuery, call?: CallOptions) =>
          get<AdminIntakeFormListResponse>("/admin/portico/intake-forms", query, call),
        /** `GET /admin/portico/intake-forms/:id`: one form, current version. */
        retrieve: (formId: string, call?: CallOptions) => get<AdminIntakeFormResponse>(`/admin/portico/intake-forms/${id(formId)}`, undefined, call),
        /** `POST /admin/portico/intake-forms`: creates a form (version 1). */
        create: (body: AdminCreateIntakeFormBody, call?: CallOptions) => post<AdminIntakeFormResponse>("/admin/portico/intake-forms", body, call),
        /** `POST /admin/portico/intake-forms/:id`: new fields make a new version. */
        update: (formId: string, body: AdminUpdateIntakeFormBody, call?: CallOptions) =>
          post<AdminIntakeFormResponse>(`/admin/portico/intake-forms/${id(formId)}`, body, call),
        /** `DELETE /admin/portico/intake-forms/:id` (`form_in_use` while a service uses it). */
        delete: (formId: string, call?: CallOptions) => del<Deleted<"intake_form">>(`/admin/portico/intake-forms/${id(formId)}`, call),
      },
      invoices: {
        /** `GET /admin/portico/invoices`: issued invoices by default, newest first. */
        list: (query?: AdminInvoiceListQuery, call?: CallOptions) => get<AdminInvoiceListResponse>("/admin/portico/invoices", query, call),
        /** `GET /admin/portico/invoices/:id`: one invoice with its lines. */
        retrieve: (invoiceId: string, call?: CallOptions) => get<InvoiceResponse>(`/admin/portico/invoices/${id(invoiceId)}`, undefined, call),
        /** `POST /admin/portico/invoices/:id/mark-paid`: the merchant received the payment (`invoice_not_open` otherwise). */
        markPaid: (invoiceId: string, call?: CallOptions) => post<InvoiceResponse>(`/admin/portico/invoices/${id(invoiceId)}/mark-paid`, {}, call),
        /** `POST /admin/portico/invoices/:id/void`: voids an open invoice (`invoice_not_open` otherwise). */
        void: (invoiceId: string, call?: CallOptions) => post<InvoiceResponse>(`/admin/portico/invoices/${id(invoiceId)}/void`, {}, call),
        /** `GET /admin/portico/invoices/:id/pdf`: the invoice's PDF, as the raw response (404 for an abandoned cart's invoice). */
        pdf: (invoiceId: string, call?: CallOptions) =>
          http.raw(`/admin/portico/invoices/${id(invoiceId)}/pdf`, { ...call, headers: { accept: "application/pdf", ...call?.headers } }),
        /** The address of the invoice's PDF (the browser downloads it with the admin session). */
        pdfUrl: (invoiceId: string) => http.url(`/admin/portico/invoices/${id(invoiceId)}/pdf`),
      },
      serviceOrders: {
        /** `GET /admin/portico/service-orders`: the work queue. */
        list: (query?: AdminServiceOrderListQuery, call?: CallOptions) =>
          get<AdminServiceOrderListResponse>("/admin/portico/service-orders", query, call),
        /** `GET /admin/portico/service-orders/:id`: with history, intake and refund. */
        retrieve: (serviceOrderId: string, call?: CallOptions) =>
          get<AdminServiceOrderResponse>(`/admin/portico/service-orders/${id(serviceOrderId)}`, undefined, call),
        /** `POST /admin/portico/service-orders/:id/status` (`invalid_transition` for a move the table forbids). */
        setStatus: (serviceOrderId: string, body: AdminServiceOrderStatusBody, call?: CallOptions) =>
          post<AdminServiceOrderResponse>(`/admin/portico/service-orders/${id(serviceOrderId)}/status`, body, call),
        /** The address of a file of a service order's intake (the browser downloads it with the admin session). */
        fileUrl: (serviceOrderId: string, fileId: string) => http.url(`/admin/portico/service-orders/${id(serviceOrderId)}/files/${id(fileId)}`),
      },
      subscriptions: {
        /** `GET /admin/portico/subscriptions`: all subscriptions, newest first (filters: status, customer, service, renews before). */
        list: (
          query?: PageQuery & { status?: SubscriptionStatusType[]; customer_id?: string; product_id?: string; renews_before?: string },
          call?: CallOptions
        ) => get<SubscriptionListResponse>("/admin/portico/subscriptions", query, call),
        /** `GET /admin/portico/subscriptions/:id`: with renewals, their charge attempts, and the history. */
        retrieve: (subscriptionId: string, call?: CallOptions) =>
          get<AdminSubscriptionResponse>(`/admin/portico/subscriptions/${id(subscriptionId)}`, undefined, call),
        /** `POST /admin/portico/subscriptions/:id/changes`: the client's changes, `move_renewal` and `retry_renewal`. */
        change: (subscriptionId: string, body: AdminSubscriptionChangeBody, call?: CallOptions) =>
          post<AdminSubscriptionResponse>(`/admin/portico/subscriptions/${id(subscriptionId)}/changes`, body, call),
        /** `POST /admin/portico/subscriptions/renewals/run`: runs the renewal job's pass now. */
        runRenewals: (call?: CallOptions) =>
          post<{ seen: number; paid: number; unpaid: number; closed: number; resumed: number; failed: { subscription_id: string; message: string }[] }>(
            "/admin/portico/subscriptions/renewals/run",
            {},
            call
          ),
      },
      files: {
        /** `GET /admin/portico/services/:id/files`: the service's files with every version. */
        list: (productId: string, call?: CallOptions) => get<AdminProductFilesResponse>(`/admin/portico/services/${id(productId)}/files`, undefined, call),
        /** `POST /admin/portico/services/:id/files`: a new file (`FormData` with a `file` part and an optional `title`). */
        create: (productId: string, body: FormData, call?: CallOptions) =>
          post<AdminProductFileResponse>(`/admin/portico/services/${id(productId)}/files`, body, call),
        /** `POST /admin/portico/services/:id/files/:file_id/versions`: replaces the file with a new version (`FormData` with a `file` part). */
        replace: (productId: string, fileId: string, body: FormData, call?: CallOptions) =>
          post<AdminProductFileResponse>(`/admin/portico/services/${id(productId)}/files/${id(fileId)}/versions`, body, call),
        /** `POST /admin/portico/services/:id/files/:file_id`: renames or moves a file. */
        update: (productId: string, fileId: string, body: AdminUpdateProductFileBody, call?: CallOptions) =>
          post<AdminProductFileResponse>(`/admin/portico/services/${id(productId)}/files/${id(fileId)}`, body, call),
        /** `DELETE /admin/portico/services/:id/files/:file_id`: removes a file from the service (its versions and downloads stay on record). */
        delete: (productId: string, fileId: string, call?: CallOptions) =>
          del<Deleted<"product_file">>(`/admin/portico/services/${id(productId)}/files/${id(fileId)}`, call),
        /** `GET /admin/portico/services/:id/files/:file_id/downloads`: who downloaded which version, newest first. */
        downloads: (productId: string, fileId: string, query?: PageQuery, call?: CallOptions) =>
          get<AdminFileDownloadsResponse>(`/admin/portico/services/${id(productId)}/files/${id(fileId)}/downloads`, query, call),
        /** The address of one version's content (the browser downloads it with the admin session). */
        versionUrl: (productId: string, fileId: string, versionId: string) =>
          http.url(`/admin/portico/services/${id(productId)}/files/${id(fileId)}/versions/${id(versionId)}/content`),
      },
      licenseKeys: {
        /** `GET /admin/portico/license-keys`: filters order, customer, service, status, `q` (part of the key or the email). */
        list: (query?: AdminLicenseKeyListQuery, call?: CallOptions) => get<LicenseKeyListResponse>("/admin/portico/license-keys", query, call),
        /** `GET /admin/portico/license-keys/:id`: with every instance, deactivated ones too. */
        retrieve: (keyId: string, call?: CallOptions) => get<LicenseKeyResponse>(`/admin/portico/license-keys/${id(keyId)}`, undefined, call),
        /** `POST /admin/portico/license-keys/:id/changes`: disable, enable, reset activations, change the limit. */
        change: (keyId: string, body: AdminLicenseKeyChangeBody, call?: CallOptions) =>
          post<LicenseKeyResponse>(`/admin/portico/license-keys/${id(keyId)}/changes`, body, call),
      },
      portal: {
        /** `GET /admin/portico/portal`: the customer-portal link to share with clients. */
        retrieve: (call?: CallOptions) => get<AdminPortalResponse>("/admin/portico/portal", undefined, call),
      },
      customers: {
        /** `POST /admin/portico/customers/:id/login-link`: emails the customer a login link to the portal. */
        sendLoginLink: (customerId: string, call?: CallOptions) =>
          post<AdminLoginLinkResponse>(`/admin/portico/customers/${id(customerId)}/login-link`, {}, call),
        /** `GET /admin/portico/customers/:id/credit`. */
        credit: (customerId: string, call?: CallOptions) =>
          get<AdminCustomerCreditResponse>(`/admin/portico/customers/${id(customerId)}/credit`, undefined, call),
        /** `GET /admin/portico/customers/:id/credit/transactions`: the ledger, newest first. */
        creditTransactions: (customerId: string, query?: CreditTransactionsQuery, call?: CallOptions) =>
          get<AdminCreditTransactionsResponse>(`/admin/portico/customers/${id(customerId)}/credit/transactions`, query, call),
        /** `POST /admin/portico/customers/:id/credit/adjustments`: grants or deducts credit. */
        adjustCredit: (customerId: string, body: AdminCreditAdjustmentBody, call?: CallOptions) =>
          post<AdminCreditAdjustmentResponse>(`/admin/portico/customers/${id(customerId)}/credit/adjustments`, body, call),
      },
      payments: {
        /**
         * `POST /admin/payments/:id/refund` (Portico's, replacing Medusa's): refunds through
         * the provider, never beyond what the order can still refund (`refund_exceeds_paid`).
         */
        refund: (paymentId: string, body: HttpTypes.AdminRefundPayment, call?: CallOptions) =>
          post<HttpTypes.AdminPaymentResponse>(`/admin/payments/${id(paymentId)}/refund`, body, call),
      },
      orders: {
        /** `GET /admin/portico/orders/:id/credit-refunds`: what the order can still refund to credit. */
        creditRefund: (orderId: string, call?: CallOptions) =>
          get<AdminOrderCreditRefundResponse>(`/admin/portico/orders/${id(orderId)}/credit-refunds`, undefined, call),
        /** `POST /admin/portico/orders/:id/credit-refunds`: refunds part of the order to account credit. */
        refundToCredit: (orderId: string, body: AdminCreditRefundBody, call?: CallOptions) =>
          post<AdminCreditRefundResponse>(`/admin/portico/orders/${id(orderId)}/credit-refunds`, body, call),
      },
      emailTemplates: {
        /** `GET /admin/portico/email-templates`. */
        list: (call?: CallOptions) => get<AdminEmailTemplateListResponse>("/admin/portico/email-templates", undefined, call),
        /** `GET /admin/portico/email-templates/:template`. */
        retrieve: (template: string, call?: CallOptions) =>
          get<AdminEmailTemplateResponse>(`/admin/portico/email-templates/${id(template)}`, undefined, call),
        /** `POST /admin/portico/email-templates/:template`: saves the override (`null` resets a part). */
        save: (template: string, body: AdminEmailTemplateBody, call?: CallOptions) =>
          post<AdminEmailTemplateResponse>(`/admin/portico/email-templates/${id(template)}`, body, call),
        /** `POST /admin/portico/email-templates/:template/preview`: renders a draft with example data. */
        preview: (template: string, body: AdminEmailPreviewBody, call?: CallOptions) =>
          post<AdminEmailPreviewResponse>(`/admin/portico/email-templates/${id(template)}/preview`, body, call),
      },
      mailbox: {
        /** `GET /admin/portico/mailbox`: the dev mailbox's emails, newest first. */
        list: (query?: PageQuery, call?: CallOptions) => get<AdminMailboxResponse>("/admin/portico/mailbox", query, call),
        /** `GET /admin/portico/mailbox/:id`: one email's HTML. */
        html: async (emailId: string, call?: CallOptions) =>
          (await http.raw(`/admin/portico/mailbox/${id(emailId)}`, { ...call, headers: { accept: "text/html", ...call?.headers } })).text(),
      },
    },
  }
}

/** The client {@link createPorticoClient} makes. */
export type PorticoClient = ReturnType<typeof createPorticoClient>
