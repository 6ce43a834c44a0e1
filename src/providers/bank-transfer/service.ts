import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"

/** Options of the bank-transfer provider (medusa-config.ts, under the payment module's providers). */
export type BankTransferOptions = {
  /** Who the client pays. */
  account_holder?: string
  iban?: string
  bic?: string
  bank_name?: string
  /**
   * The merchant's instructions, shown on the confirmation page; `{{reference}}`
   * is replaced by the invoice number the client writes on the transfer.
   */
  instructions?: string
}

/** The default instructions when the merchant writes none. */
export const DEFAULT_BANK_TRANSFER_INSTRUCTIONS =
  "Please transfer the amount due to the account below and write {{reference}} as the payment reference. We start on your order as soon as the payment arrives."

/** What the provider keeps on the payment session (and the payment) of a bank transfer. */
export type BankTransferData = {
  method: "bank_transfer"
  account_holder: string | null
  iban: string | null
  bic: string | null
  bank_name: string | null
  instructions: string
  amount: number
  currency_code: string
  captured_at?: string
}

/**
 * Bank transfer (and any other manual method) as a Medusa payment provider:
 * nothing is charged online. Authorizing places the order; the money arrives
 * later and the merchant marks the invoice paid, which captures the payment
 * (list the provider in `deferred_payment_providers` so the invoice stays
 * `open` until then). The session data carries the merchant's bank details
 * and instructions for the confirmation page.
 */
export class BankTransferProviderService extends AbstractPaymentProvider<BankTransferOptions> {
  static override identifier = "bank_transfer"

  protected readonly options_: BankTransferOptions

  constructor(container: Record<string, unknown>, options: BankTransferOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>, BankTransferOptions]))
    this.options_ = options
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data: BankTransferData = {
      method: "bank_transfer",
      account_holder: this.options_.account_holder || null,
      iban: this.options_.iban || null,
      bic: this.options_.bic || null,
      bank_name: this.options_.bank_name || null,
      instructions: this.options_.instructions || DEFAULT_BANK_TRANSFER_INSTRUCTIONS,
      amount: Number(input.amount),
      currency_code: input.currency_code,
    }
    return { id: randomUUID(), data, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: { ...input.data, amount: Number(input.amount), currency_code: input.currency_code } }
  }

  /** The order is placed; the transfer is still to come (captured when the merchant marks it received). */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data: input.data ?? {}, status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...input.data, captured_at: new Date().toISOString() } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** Money sent back by bank transfer is the merchant's own bank's business; recorded only. */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const captured = !!(input.data as Partial<BankTransferData> | undefined)?.captured_at
    return { status: captured ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.AUTHORIZED }
  }

  /** A bank transfer has no webhooks. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
