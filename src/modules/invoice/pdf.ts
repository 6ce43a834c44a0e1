import PDFDocument from "pdfkit"
import { formatMoney } from "../../utils/money"
import type { IssuedInvoiceStatusType } from "../../contracts/statuses"

/** A date as `query.graph` gives it (a `Date`) or as JSON carries it (an ISO string). */
type DateLike = Date | string | null | undefined

/** Everything a PDF invoice prints; amounts in major units of `currency_code`. */
export type InvoicePdfData = {
  number: string
  status: IssuedInvoiceStatusType
  currency_code: string
  opened_at: DateLike
  paid_at?: DateLike
  voided_at?: DateLike
  /** The order's display id (`#12`), when known. */
  order_display_id?: number | null
  subtotal: number
  discount_total: number
  tax_total: number
  /** Account credit used at checkout. */
  credit_total: number
  /** What was left to pay after credit. */
  total: number
  lines: { title: string; variant_title?: string | null; quantity: number; unit_price: number; total: number }[]
  /** The merchant. */
  seller: { name: string; address_lines: string[]; email?: string | null; tax_id?: string | null }
  /** The client: the order's billing address (name apart, then company, street, locality, country) and email. */
  billing: { name?: string | null; address_lines: string[]; email?: string | null }
}

const MARGIN = 50
const GRAY = "#6b7280"
const RULE = "#d1d5db"
const STAMP: Record<IssuedInvoiceStatusType, { label: string; color: string }> = {
  paid: { label: "PAID", color: "#15803d" },
  open: { label: "UNPAID", color: "#b91c1c" },
  void: { label: "VOID", color: "#4b5563" },
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" })
const formatDate = (value: DateLike) => (value ? dateFormat.format(new Date(value)) : null)

/**
 * Renders an issued invoice as a one-or-more-page A4 PDF (PDFKit, its
 * built-in Helvetica): the merchant's name, address, email and tax id; the
 * client's billing details; the number, dates and order; the lines (title,
 * quantity, unit price, total); subtotal, discount, tax, account credit and
 * total, with the amount paid or due; and a PAID / UNPAID / VOID stamp.
 * Amounts are formatted in the invoice's currency (`$1,200.00`).
 *
 * The built-in font covers Windows-1252 (Western European) text; other
 * characters are not printed.
 *
 * @example
 * const pdf = await renderInvoicePdf({ number: "INV-000001", status: "paid", … })
 * res.setHeader("Content-Type", "application/pdf").send(pdf)
 */
export function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Invoice ${data.number}`, Author: data.seller.name, Subject: `Invoice ${data.number}` },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  const money = (amount: number) => formatMoney(Number(amount), data.currency_code)
  const minus = (amount: number) => (Number(amount) ? `-${money(amount)}` : money(0))
  const width = doc.page.width - 2 * MARGIN
  const right = MARGIN + width

  // Header: the merchant on the left, the invoice on the right.
  doc.font("Helvetica-Bold").fontSize(16).fillColor("black").text(data.seller.name, MARGIN, MARGIN, { width: 280 })
  doc.font("Helvetica").fontSize(9).fillColor(GRAY)
  for (const line of [
    ...data.seller.address_lines,
    data.seller.email,
    data.seller.tax_id ? `Tax ID: ${data.seller.tax_id}` : null,
  ]) {
    if (line) {
      doc.text(line, { width: 280 })
    }
  }
  const leftBottom = doc.y

  const rightX = right - 200
  doc.font("Helvetica-Bold").fontSize(22).fillColor("black").text("INVOICE", rightX, MARGIN, { width: 200, align: "right" })
  doc.font("Helvetica-Bold").fontSize(11).text(data.number, { width: 200, align: "right" })
  doc.font("Helvetica").fontSize(9).fillColor(GRAY)
  for (const [label, value] of [
    ["Issued", formatDate(data.opened_at)],
    ["Paid", data.status === "paid" ? formatDate(data.paid_at) : null],
    ["Voided", data.status === "void" ? formatDate(data.voided_at) : null],
    ["Order", data.order_display_id ? `#${data.order_display_id}` : null],
  ] as const) {
    if (value) {
      doc.text(`${label}: ${value}`, rightX, doc.y, { width: 200, align: "right" })
    }
  }
  const stamp = STAMP[data.status]
  doc.font("Helvetica-Bold").fontSize(14)
  const stampWidth = doc.widthOfString(stamp.label) + 20
  const stampY = doc.y + 8
  doc.roundedRect(right - stampWidth, stampY, stampWidth, 24, 4).lineWidth(2).strokeColor(stamp.color).stroke()
  doc.fillColor(stamp.color).text(stamp.label, right - stampWidth, stampY + 6, { width: stampWidth, align: "center", lineBreak: false })
  const rightBottom = stampY + 24

  // The client.
  let y = Math.max(leftBottom, rightBottom) + 28
  doc.font("Helvetica-Bold").fontSize(8).fillColor(GRAY).text("BILL TO", MARGIN, y)
  doc.font("Helvetica-Bold").fontSize(10).fillColor("black")
  if (data.billing.name) {
    doc.text(data.billing.name, { width: 280 })
  }
  doc.font("Helvetica").fontSize(9)
  for (const line of [...data.billing.address_lines, data.billing.email]) {
    if (line) {
      doc.text(line, { width: 280 })
    }
  }

  // The lines.
  const columns = [
    { label: "Description", x: MARGIN, width: width - 240, align: "left" as const },
    { label: "Qty", x: right - 240, width: 50, align: "right" as const },
    { label: "Unit price", x: right - 190, width: 90, align: "right" as const },
    { label: "Amount", x: right - 100, width: 100, align: "right" as const },
  ]
  const tableHeader = () => {
    doc.font("Helvetica-Bold").fontSize(9).fillColor(GRAY)
    columns.forEach((c) => doc.text(c.label, c.x, y, { width: c.width, align: c.align, lineBreak: false }))
    y += 14
    doc.moveTo(MARGIN, y).lineTo(right, y).lineWidth(0.5).strokeColor(RULE).stroke()
    y += 6
  }
  const pageBottom = () => doc.page.height - MARGIN - 30
  y = doc.y + 24
  tableHeader()
  for (const line of data.lines) {
    doc.font("Helvetica").fontSize(10)
    const titleHeight = doc.heightOfString(line.title, { width: columns[0].width })
    const variant = line.variant_title && line.variant_title !== "Default" ? line.variant_title : null
    doc.fontSize(8.5)
    const variantHeight = variant ? doc.heightOfString(variant, { width: columns[0].width }) : 0
    const rowHeight = titleHeight + variantHeight + 10
    if (y + rowHeight > pageBottom()) {
      doc.addPage()
      y = MARGIN
      tableHeader()
    }
    doc.font("Helvetica").fontSize(10).fillColor("black").text(line.title, columns[0].x, y, { width: columns[0].width })
    if (variant) {
      doc.fontSize(8.5).fillColor(GRAY).text(variant, columns[0].x, y + titleHeight, { width: columns[0].width })
    }
    doc.fontSize(10).fillColor("black")
    const cells = [String(line.quantity), money(line.unit_price), money(line.total)]
    cells.forEach((cell, i) => {
      const c = columns[i + 1]
      doc.text(cell, c.x, y, { width: c.width, align: c.align, lineBreak: false })
    })
    y += rowHeight
    doc.moveTo(MARGIN, y - 4).lineTo(right, y - 4).lineWidth(0.5).strokeColor(RULE).stroke()
  }

  // The totals, right-aligned under the amounts.
  const settled = data.status === "paid" ? "Amount paid" : data.status === "open" ? "Amount due" : "Amount due (void)"
  const totals: [string, string, boolean][] = [
    ["Subtotal", money(data.subtotal), false],
    ["Discount", minus(data.discount_total), false],
    ["Tax", money(data.tax_total), false],
    ["Account credit", minus(data.credit_total), false],
    ["Total", money(data.total), true],
    [settled, data.status === "void" ? money(0) : money(data.total), false],
  ]
  if (y + totals.length * 18 + 20 > pageBottom()) {
    doc.addPage()
    y = MARGIN
  }
  y += 10
  for (const [label, value, strong] of totals) {
    if (strong) {
      doc.moveTo(right - 240, y - 3).lineTo(right, y - 3).lineWidth(0.5).strokeColor(RULE).stroke()
    }
    doc.font(strong ? "Helvetica-Bold" : "Helvetica").fontSize(strong ? 11 : 10).fillColor(strong ? "black" : GRAY)
    doc.text(label, right - 240, y, { width: 130, lineBreak: false })
    doc.fillColor("black").text(value, right - 110, y, { width: 110, align: "right", lineBreak: false })
    y += strong ? 20 : 16
  }
  if (data.status === "open") {
    doc.font("Helvetica").fontSize(9).fillColor(GRAY).text(`Payment reference: ${data.number}`, MARGIN, y + 16, { width })
  }

  // Footer on every page (inside the bottom margin, so no page is added for it).
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(GRAY)
      .text(`${data.seller.name} · Invoice ${data.number} · Page ${i - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width,
        align: "center",
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
