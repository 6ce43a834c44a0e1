/** @jsxRuntime automatic */
// (The pragma makes jest's SWC transform use the automatic JSX runtime too, like tsc's "jsx": "react-jsx".)
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components"
import { render } from "@react-email/render"
import type { ReactNode } from "react"
import { EMAIL_TEMPLATE_DEFINITIONS, type EmailTemplateName, isEmailTemplate } from "./catalog"
import { fillPlaceholders } from "./placeholders"

/** A purchased line, as the payment confirmation and the merchant notice list it. */
export type EmailItem = { title: string; quantity: number; total: string }

/** A service order, as the payment confirmation lists it. */
export type EmailServiceOrder = {
  id: string
  title: string
  status: string
  /** The intake page, when the client still has a form to fill. */
  intake_url: string | null
}

/**
 * What a Portico notification carries in `data`: the template's variables
 * (strings, see the catalog) and, for the richer default emails, the rows
 * behind `items` and `intake_links`.
 */
export type EmailData = {
  variables: Record<string, string>
  items?: EmailItem[]
  service_orders?: EmailServiceOrder[]
}

/** A merchant's subject and body for a template (`{{variable}}` placeholders). */
export type EmailOverride = { subject?: string | null; body?: string | null }

/** A rendered email. */
export type RenderedEmail = { subject: string; html: string; text: string }

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "600px", borderRadius: "8px" },
  heading: { fontSize: "20px", color: "#18181b", margin: "0 0 16px" },
  text: { fontSize: "14px", lineHeight: "22px", color: "#27272a", margin: "0 0 12px" },
  muted: { fontSize: "12px", lineHeight: "18px", color: "#71717a", margin: "0" },
  cell: { fontSize: "14px", lineHeight: "22px", color: "#27272a", padding: "4px 0" },
  amount: { fontSize: "14px", lineHeight: "22px", color: "#27272a", padding: "4px 0", textAlign: "right" as const },
  strong: { fontWeight: 600 },
  button: { backgroundColor: "#18181b", color: "#ffffff", fontSize: "14px", padding: "10px 16px", borderRadius: "6px" },
  link: { color: "#2563eb" },
}

/** The frame every Portico email shares (the default bodies and merchants' overrides). */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {children}
          {footer ? (
            <>
              <Hr />
              <Text style={styles.muted}>{footer}</Text>
            </>
          ) : null}
        </Container>
      </Body>
    </Html>
  )
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g

/** Text with its URLs as links (values stay text: React escapes them). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN)
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} href={part} style={styles.link}>
            {part}
          </Link>
        ) : (
          part
        )
      )}
    </>
  )
}

/** An override's body: paragraphs split on blank lines, line breaks kept, URLs linked. */
function TextBody({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <Text key={i} style={styles.text}>
          {paragraph.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              <Linkified text={line} />
            </span>
          ))}
        </Text>
      ))}
    </>
  )
}

function AmountLine({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Row>
      <Column style={strong ? { ...styles.cell, ...styles.strong } : styles.cell}>{label}</Column>
      <Column style={strong ? { ...styles.amount, ...styles.strong } : styles.amount}>{value}</Column>
    </Row>
  )
}

function ItemsTable({ items }: { items: EmailItem[] }) {
  return (
    <Section>
      {items.map((item, i) => (
        <Row key={i}>
          <Column style={styles.cell}>
            {item.quantity > 1 ? `${item.quantity} × ` : ""}
            {item.title}
          </Column>
          <Column style={styles.amount}>{item.total}</Column>
        </Row>
      ))}
    </Section>
  )
}

const isZero = (amount: string | undefined) => !amount || !/[1-9]/.test(amount)

function PortalFooter({ url }: { url: string }) {
  return (
    <>
      Your purchases, service orders, files and license keys are always in your customer portal:{" "}
      <Link href={url} style={styles.link}>
        {url}
      </Link>
    </>
  )
}

/** The default body of each template (rich layout; overrides replace it with text). */
function DefaultBody({ template, data }: { template: EmailTemplateName; data: EmailData }) {
  const x = data.variables
  switch (template) {
    case "payment_confirmation": {
      const pending = (data.service_orders ?? []).filter((so) => so.intake_url)
      return (
        <>
          <Heading style={styles.heading}>Thank you for your payment</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, we received your payment for order #{x.order_number} (invoice {x.invoice_number}).
          </Text>
          <ItemsTable items={data.items ?? []} />
          <Hr />
          <Section>
            <AmountLine label="Subtotal" value={x.subtotal} />
            {isZero(x.discount_total) ? null : <AmountLine label="Discount" value={`−${x.discount_total}`} />}
            {isZero(x.tax_total) ? null : <AmountLine label="Tax" value={x.tax_total} />}
            {isZero(x.credit_used) ? null : <AmountLine label="Account credit used" value={`−${x.credit_used}`} />}
            <AmountLine label="Total paid" value={x.total} strong />
          </Section>
          {pending.length ? (
            <Section>
              <Heading as="h2" style={{ ...styles.heading, fontSize: "16px", marginTop: "16px" }}>
                We need a few details to get started
              </Heading>
              {pending.map((so) => (
                <Text key={so.id} style={styles.text}>
                  {so.title}:{" "}
                  <Link href={so.intake_url ?? undefined} style={styles.link}>
                    fill in the intake form
                  </Link>
                </Text>
              ))}
            </Section>
          ) : null}
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.portal_url} style={styles.button}>
              Open your customer portal
            </Button>
          </Section>
        </>
      )
    }
    case "intake_reminder":
      return (
        <>
          <Heading style={styles.heading}>We need your details for {x.service_title}</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, we are ready to start on {x.service_title} (order #{x.order_number}) as soon as you
            fill in its intake form.
          </Text>
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.service_order_url} style={styles.button}>
              Fill in the form
            </Button>
          </Section>
          <Text style={styles.muted}>
            Or open <Linkified text={x.service_order_url} />
          </Text>
        </>
      )
    case "service_order_status_changed":
      return (
        <>
          <Heading style={styles.heading}>
            {x.service_title}: {x.status}
          </Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, your service order {x.service_title} (order #{x.order_number}) moved from{" "}
            {x.previous_status} to <strong>{x.status}</strong>.
          </Text>
          {x.note ? <TextBody text={x.note} /> : null}
          <Text style={styles.text}>
            <Link href={x.service_order_url} style={styles.link}>
              See the service order
            </Link>
          </Text>
        </>
      )
    case "merchant_new_order":
      return (
        <>
          <Heading style={styles.heading}>New order #{x.order_number}</Heading>
          <Text style={styles.text}>
            {x.customer_name} &lt;{x.customer_email}&gt; paid invoice {x.invoice_number}.
          </Text>
          <ItemsTable items={data.items ?? []} />
          <Hr />
          <Section>
            {isZero(x.credit_used) ? null : <AmountLine label="Account credit used" value={`−${x.credit_used}`} />}
            <AmountLine label="Total paid" value={x.total} strong />
          </Section>
          <Text style={styles.text}>Service orders created: {x.service_order_count}</Text>
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.admin_order_url} style={styles.button}>
              Open the order
            </Button>
          </Section>
        </>
      )
    case "login_link":
      return (
        <>
          <Heading style={styles.heading}>Log in to your customer portal</Heading>
          <Text style={styles.text}>Use the button below to log in as {x.customer_email}.</Text>
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.login_url} style={styles.button}>
              Log in
            </Button>
          </Section>
          <Text style={styles.text}>
            Or open <Linkified text={x.login_url} />
          </Text>
          <Text style={styles.muted}>
            The link works once, within {x.expires_in}. If you did not ask for it, ignore this email: nobody can log in
            without the link.
          </Text>
        </>
      )
    case "subscription_renewed": {
      const pending = (data.service_orders ?? []).filter((so) => so.intake_url)
      return (
        <>
          <Heading style={styles.heading}>Your subscription is renewed</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, thank you: your subscription to <strong>{x.service_title}</strong> is renewed for{" "}
            {x.period_start} to {x.period_end}.
          </Text>
          <Section>
            <AmountLine label="Period" value={`${x.period_start} – ${x.period_end}`} />
            <AmountLine label="Invoice" value={x.invoice_number} />
            {isZero(x.credit_used) ? null : <AmountLine label="Account credit used" value={`−${x.credit_used}`} />}
            <AmountLine label="Total paid" value={x.total} strong />
            {x.next_renewal_date ? <AmountLine label="Next renewal" value={x.next_renewal_date} /> : null}
          </Section>
          {x.next_renewal_date ? null : (
            <Text style={styles.text}>This was the last period: the subscription does not renew again.</Text>
          )}
          {pending.length ? (
            <Section>
              <Heading as="h2" style={{ ...styles.heading, fontSize: "16px", marginTop: "16px" }}>
                We need a few details for this period
              </Heading>
              {pending.map((so) => (
                <Text key={so.id} style={styles.text}>
                  {so.title}:{" "}
                  <Link href={so.intake_url ?? undefined} style={styles.link}>
                    fill in the intake form
                  </Link>
                </Text>
              ))}
            </Section>
          ) : null}
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.subscription_url} style={styles.button}>
              See your subscription
            </Button>
          </Section>
        </>
      )
    }
    case "subscription_payment_failed": {
      // Bank details only for a subscription paid by bank transfer (an invoice to pay, not a failure);
      // those not configured are left out.
      const bankTransfer = !!(x.instructions || x.iban || x.account_holder)
      const details = [
        ["Payment reference", bankTransfer ? x.invoice_number : ""],
        ["Account holder", x.account_holder],
        ["IBAN", x.iban],
        ["BIC", x.bic],
        ["Bank", x.bank_name],
      ].filter(([, value]) => value)
      return (
        <>
          <Heading style={styles.heading}>
            {bankTransfer ? `Your invoice for ${x.service_title} is ready` : `Your payment for ${x.service_title} needs attention`}
          </Heading>
          <Text style={styles.text}>
            {bankTransfer ? (
              <>
                Hi {x.customer_name}, your subscription to {x.service_title} renews for {x.period_start} to{" "}
                {x.period_end}: invoice {x.invoice_number}, <strong>{x.amount_due}</strong> to pay.
              </>
            ) : (
              <>
                Hi {x.customer_name}, we could not collect the payment of <strong>{x.amount_due}</strong> for your
                subscription to {x.service_title} ({x.period_start} to {x.period_end}, invoice {x.invoice_number}).
              </>
            )}
          </Text>
          {x.problem && !bankTransfer ? <Text style={styles.text}>{x.problem}</Text> : null}
          {x.retry ? <Text style={styles.text}>{x.retry}</Text> : null}
          {x.action ? (
            <Text style={styles.text}>
              <strong>{x.action}</strong>
            </Text>
          ) : null}
          {x.instructions ? <TextBody text={x.instructions} /> : null}
          {details.length ? (
            <Section>
              <AmountLine label="Amount due" value={x.amount_due} strong />
              {details.map(([label, value]) => (
                <AmountLine key={label} label={label} value={value} />
              ))}
            </Section>
          ) : null}
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.subscription_url} style={styles.button}>
              Open your subscription
            </Button>
          </Section>
          <Text style={styles.muted}>
            Or open <Linkified text={x.subscription_url} />
          </Text>
        </>
      )
    }
    case "subscription_canceled":
      return (
        <>
          <Heading style={styles.heading}>Your subscription is canceled</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, your subscription to <strong>{x.service_title}</strong> was canceled on{" "}
            {x.canceled_date}. {x.canceled_by}
          </Text>
          <Text style={styles.text}>You will not be charged for it again. You can subscribe again at any time.</Text>
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.subscription_url} style={styles.button}>
              See your subscription
            </Button>
          </Section>
        </>
      )
    case "subscription_renewal_upcoming":
      return (
        <>
          <Heading style={styles.heading}>Your subscription renews on {x.renewal_date}</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, your subscription to <strong>{x.service_title}</strong> renews on {x.renewal_date}.
          </Text>
          <Section>
            <AmountLine label="Renewal date" value={x.renewal_date} />
            <AmountLine label="Amount" value={x.amount} strong />
            {x.payment_method ? <AmountLine label="Paid with" value={x.payment_method} /> : null}
          </Section>
          <Text style={styles.text}>
            {x.payment_method
              ? "Any account credit you have is used first."
              : "There is no saved card for this subscription: add one in your portal before the renewal, or pay the invoice there when it comes."}
          </Text>
          <Section style={{ margin: "16px 0" }}>
            <Button href={x.subscription_url} style={styles.button}>
              Manage your subscription
            </Button>
          </Section>
          <Text style={styles.muted}>Change the card, pause or cancel before {x.renewal_date} in your customer portal.</Text>
        </>
      )
    case "payment_instructions": {
      // Bank details the merchant did not configure are left out, not shown empty.
      const details = [
        ["Payment reference", x.invoice_number],
        ["Account holder", x.account_holder],
        ["IBAN", x.iban],
        ["BIC", x.bic],
        ["Bank", x.bank_name],
      ].filter(([, value]) => value)
      return (
        <>
          <Heading style={styles.heading}>How to pay your invoice</Heading>
          <Text style={styles.text}>
            Hi {x.customer_name}, thank you for your order #{x.order_number}. It is placed; we start as soon as your
            payment of <strong>{x.amount_due}</strong> arrives.
          </Text>
          {x.instructions ? <TextBody text={x.instructions} /> : null}
          <Section>
            <AmountLine label="Amount due" value={x.amount_due} strong />
            {details.map(([label, value]) => (
              <AmountLine key={label} label={label} value={value} />
            ))}
          </Section>
          {x.order_url ? (
            <Section style={{ margin: "16px 0" }}>
              <Button href={x.order_url} style={styles.button}>
                See your order
              </Button>
            </Section>
          ) : null}
        </>
      )
    }
  }
}

/**
 * Renders a Portico email: the merchant's override (subject and/or body, with
 * `{{variable}}` placeholders, inside the same layout) where one is given, the
 * default otherwise. Both providers (Resend and the dev mailbox) and the admin
 * preview use this one function.
 */
export async function renderEmail(
  template: EmailTemplateName,
  data: EmailData,
  override?: EmailOverride | null
): Promise<RenderedEmail> {
  if (!isEmailTemplate(template)) {
    throw new Error(`Unknown email template '${String(template)}'`)
  }
  const definition = EMAIL_TEMPLATE_DEFINITIONS[template]
  const variables = data.variables ?? {}
  const subject = fillPlaceholders(override?.subject?.trim() || definition.subject, variables)
    .replace(/\s+/g, " ")
    .trim()
  const ownBody = override?.body?.trim()
  const body = ownBody ? (
    <TextBody text={fillPlaceholders(ownBody, variables)} />
  ) : (
    <DefaultBody template={template} data={{ ...data, variables }} />
  )
  // A merchant's own body says what it says (the default body starts with
  // `{{portal_url}}` in it); the default emails to clients end with the portal link.
  const footer =
    !ownBody && definition.recipient === "client" && variables.portal_url ? (
      <PortalFooter url={variables.portal_url} />
    ) : undefined
  const element = (
    <EmailLayout preview={subject} footer={footer}>
      {body}
    </EmailLayout>
  )
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject, html, text }
}
