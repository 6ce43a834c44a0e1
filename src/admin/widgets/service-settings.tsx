import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { QueryState } from "../components/common/query-state"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Hint, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { FormField } from "../components/common/form-field"
import type { AdminServiceSettingsBody } from "../../contracts/http"
import { fieldErrorsOf, portico } from "../lib/api"
import { flattenTree, indentedName, useFolderTree } from "../lib/folders"
import { useIntakeForms } from "../lib/intake"
import { porticoKeys } from "../lib/query-keys"
import type { ServiceSettings } from "../lib/types"

const NO_FOLDER = "__none__"
const NO_FORM = "__none__"
const SETTINGS_FIELDS = [
  "folder_id",
  "billing_type",
  "interval",
  "interval_count",
  "billing_cycles",
  "renewal_service_orders",
  "start_status",
  "intake_form_id",
  "included",
  "turnaround",
  "next_steps",
  "files_enabled",
  "license_keys_enabled",
  "license_activation_limit",
  "license_expiry",
  "license_expiry_interval",
  "license_expiry_count",
]

/**
 * Longest texts the API accepts (see `SERVICE_TEXT_LIMITS` in
 * src/api/admin/portico/services/validators.ts).
 */
const TEXT_LIMITS = { included: 2000, turnaround: 120, next_steps: 1000 } as const

/**
 * Product widget "Service settings" (product details, side column): how the
 * service is billed (one-time or recurring: interval, count, number of billing
 * cycles), which status its service orders start in after intake, its folder,
 * its intake form, what the service page tells clients (what is included,
 * turnaround, what happens after the purchase), and what clients get besides
 * the work: downloadable files (managed in the "Files" panel) and license
 * keys (activation limit, expiry). Saved with one button; the server's
 * refusals are shown next to their field.
 */
const ServiceSettingsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, isLoading, error } = useQuery({
    queryKey: porticoKeys.settingsOf(product.id),
    queryFn: () =>
      portico.admin.services.settings(product.id),
  })
  const settings = data?.service_settings

  return (
    <Container className="divide-y p-0" data-testid="service-settings">
      <div className="px-6 py-4">
        <Heading level="h2">Service settings</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How Portico sells and delivers this service.
        </Text>
      </div>
      <QueryState data={settings} error={error} loading={isLoading || !settings}>
        {(settings) => (
          // Remounted with the saved values after every save.
          <SettingsForm key={JSON.stringify(settings)} productId={product.id} settings={settings} />
        )}
      </QueryState>
    </Container>
  )
}

type Draft = {
  billing_type: ServiceSettings["billing_type"]
  interval: ServiceSettings["interval"]
  interval_count: string
  billing_cycles: string
  renewal_service_orders: boolean
  start_status: ServiceSettings["start_status"]
  folder_id: string | null
  intake_form_id: string | null
  included: string
  turnaround: string
  next_steps: string
  files_enabled: boolean
  license_keys_enabled: boolean
  license_unlimited: boolean
  license_activation_limit: string
  license_expiry: ServiceSettings["license_expiry"]
  license_expiry_interval: NonNullable<ServiceSettings["license_expiry_interval"]>
  license_expiry_count: string
}

const draftOf = (s: ServiceSettings): Draft => ({
  billing_type: s.billing_type,
  interval: s.interval,
  interval_count: String(s.interval_count ?? 1),
  billing_cycles: s.billing_cycles == null ? "" : String(s.billing_cycles),
  renewal_service_orders: !!s.renewal_service_orders,
  start_status: s.start_status,
  folder_id: s.folder_id,
  intake_form_id: s.intake_form_id,
  included: s.included ?? "",
  turnaround: s.turnaround ?? "",
  next_steps: s.next_steps ?? "",
  files_enabled: !!s.files_enabled,
  license_keys_enabled: !!s.license_keys_enabled,
  license_unlimited: s.license_activation_limit === null,
  license_activation_limit: String(s.license_activation_limit ?? 1),
  license_expiry: s.license_expiry ?? "never",
  license_expiry_interval: s.license_expiry_interval ?? "year",
  license_expiry_count: String(s.license_expiry_count ?? 1),
})

/** A number as typed, or the text itself when it is not one (the server then names the field). */
const numberOrText = (text: string) => {
  const n = Number(text)
  return text.trim() !== "" && Number.isFinite(n) ? n : text
}

/**
 * The license-key part of the settings body: everything while keys are on;
 * while they are off only the switch (the stored limit and expiry stay for
 * when they are turned on again), plus the expiry when it had to change
 * because the service stopped being recurring.
 */
function licenseBody(draft: Draft, initial: Draft) {
  if (!draft.license_keys_enabled) {
    return {
      license_keys_enabled: false,
      ...(draft.license_expiry !== initial.license_expiry ? { license_expiry: draft.license_expiry } : {}),
    }
  }
  const length = draft.license_expiry === "length"
  return {
    license_keys_enabled: true,
    license_activation_limit: draft.license_unlimited ? null : numberOrText(draft.license_activation_limit),
    license_expiry: draft.license_expiry,
    license_expiry_interval: length ? draft.license_expiry_interval : null,
    license_expiry_count: length ? numberOrText(draft.license_expiry_count) : null,
  }
}

const SettingsForm = ({ productId, settings }: { productId: string; settings: ServiceSettings }) => {
  const queryClient = useQueryClient()
  const { data: tree } = useFolderTree()
  const folders = useMemo(() => flattenTree(tree?.folders ?? []), [tree])
  const intakeForms = useIntakeForms({ limit: 100, offset: 0 })
  const forms = intakeForms.data?.intake_forms ?? []
  const initial = useMemo(() => draftOf(settings), [settings])
  const [draft, setDraft] = useState<Draft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const recurring = draft.billing_type === "recurring"
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial)

  const save = useMutation({
    mutationFn: () => {
      // Numbers the browser cannot parse go to the server as typed so that it
      // names the field; empty billing cycles mean "until canceled".
      const count = Number(draft.interval_count)
      const cycles = Number(draft.billing_cycles)
      const body = {
        billing_type: draft.billing_type,
        interval: recurring ? draft.interval : null,
        ...(recurring
          ? {
              interval_count: draft.interval_count.trim() === "" ? 1 : Number.isFinite(count) ? count : draft.interval_count,
              billing_cycles: draft.billing_cycles.trim() === "" ? null : Number.isFinite(cycles) ? cycles : draft.billing_cycles,
              renewal_service_orders: draft.renewal_service_orders,
            }
          : { billing_cycles: null }),
        start_status: draft.start_status,
        folder_id: draft.folder_id,
        intake_form_id: draft.intake_form_id,
        // Empty means none: the server stores null.
        included: draft.included,
        turnaround: draft.turnaround,
        next_steps: draft.next_steps,
        files_enabled: draft.files_enabled,
        ...licenseBody(draft, initial),
      }
      // Numbers as typed when they are not numbers: the server names the field.
      return portico.admin.services.saveSettings(productId, body as AdminServiceSettingsBody)
    },
    onSuccess: async ({ service_settings }) => {
      setErrors({})
      queryClient.setQueryData(porticoKeys.settingsOf(productId), { service_settings })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: porticoKeys.folders }),
        // A form's "Used by" list changes with the services' choice.
        queryClient.invalidateQueries({ queryKey: porticoKeys.intakeForms }),
      ])
      toast.success("Service settings saved")
    },
    onError: (error) => {
      const byField = fieldErrorsOf(error)
      setErrors(byField)
      if (!SETTINGS_FIELDS.some((f) => byField[f])) {
        toast.error(error.message)
      }
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4">
      <FormField id="service-billing-type" label="Billing" error={errors.billing_type}>
        <Select
          value={draft.billing_type}
          onValueChange={(v) =>
            setDraft((d) => ({
              ...d,
              billing_type: v as Draft["billing_type"],
              // Keys can follow a subscription only when the service is recurring.
              license_expiry: v !== "recurring" && d.license_expiry === "subscription" ? "never" : d.license_expiry,
            }))
          }
        >
          <Select.Trigger id="service-billing-type" data-testid="service-billing-type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="one_time">One-time</Select.Item>
            <Select.Item value="recurring">Recurring</Select.Item>
          </Select.Content>
        </Select>
      </FormField>

      {recurring && (
        <>
          <div className="grid grid-cols-2 gap-x-3">
            <FormField id="service-interval-count" label="Every" error={errors.interval_count}>
              <Input
                id="service-interval-count"
                data-testid="service-interval-count"
                type="number"
                min={1}
                max={365}
                value={draft.interval_count}
                onChange={(e) => set("interval_count", e.target.value)}
              />
            </FormField>
            <FormField id="service-interval" label="Interval" error={errors.interval}>
              <Select value={draft.interval ?? undefined} onValueChange={(v) => set("interval", v as Draft["interval"])}>
                <Select.Trigger id="service-interval" data-testid="service-interval">
                  <Select.Value placeholder="Choose…" />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="day">Day(s)</Select.Item>
                  <Select.Item value="week">Week(s)</Select.Item>
                  <Select.Item value="month">Month(s)</Select.Item>
                  <Select.Item value="year">Year(s)</Select.Item>
                </Select.Content>
              </Select>
            </FormField>
          </div>
          <FormField
            id="service-billing-cycles"
            label="Billing cycles"
            optional
            hint="How many times the client is billed. Empty: until canceled."
            error={errors.billing_cycles}
          >
            <Input
              id="service-billing-cycles"
              data-testid="service-billing-cycles"
              type="number"
              min={1}
              placeholder="Until canceled"
              value={draft.billing_cycles}
              onChange={(e) => set("billing_cycles", e.target.value)}
            />
          </FormField>
          <div className="flex items-center gap-x-2">
            <Switch
              id="service-renewal-service-orders"
              data-testid="service-renewal-service-orders"
              checked={draft.renewal_service_orders}
              onCheckedChange={(v) => set("renewal_service_orders", v)}
            />
            <Text size="small" asChild>
              <label htmlFor="service-renewal-service-orders">A new service order every renewal</label>
            </Text>
          </div>
        </>
      )}

      <FormField
        id="service-start-status"
        label="Status after intake"
        hint="The status a service order starts in once the client has completed intake."
        error={errors.start_status}
      >
        <Select value={draft.start_status} onValueChange={(v) => set("start_status", v as Draft["start_status"])}>
          <Select.Trigger id="service-start-status" data-testid="service-start-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="submitted">Submitted</Select.Item>
            <Select.Item value="working">Working</Select.Item>
          </Select.Content>
        </Select>
      </FormField>

      <FormField id="service-folder" label="Folder" error={errors.folder_id}>
        <Select
          value={draft.folder_id ?? NO_FOLDER}
          onValueChange={(v) => set("folder_id", v === NO_FOLDER ? null : v)}
        >
          <Select.Trigger id="service-folder" data-testid="service-folder">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FOLDER}>No folder</Select.Item>
            {folders.map((f) => (
              <Select.Item key={f.folder.id} value={f.folder.id}>
                {indentedName(f)}
                {f.folder.is_visible ? "" : " (hidden)"}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>

      <FormField
        id="service-intake-form"
        label="Intake form"
        hint={
          <span className="flex flex-wrap items-center gap-x-2">
            <span>
              {intakeForms.error
                ? intakeForms.error.message
                : "The questions a client answers after buying; their service order waits for the answers."}
            </span>
            {draft.intake_form_id ? (
              <Link
                to={`/intake-forms/${draft.intake_form_id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                data-testid="service-intake-form-edit"
              >
                Edit form
              </Link>
            ) : (
              <Link to="/intake-forms/new" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                Create a form
              </Link>
            )}
          </span>
        }
        error={errors.intake_form_id}
      >
        <Select
          value={draft.intake_form_id ?? NO_FORM}
          onValueChange={(v) => set("intake_form_id", v === NO_FORM ? null : v)}
          disabled={intakeForms.isLoading}
        >
          <Select.Trigger id="service-intake-form" data-testid="service-intake-form">
            <Select.Value placeholder={intakeForms.isLoading ? "Loading…" : undefined} />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FORM}>None</Select.Item>
            {forms.map((f) => (
              <Select.Item key={f.id} value={f.id}>
                {f.title}
              </Select.Item>
            ))}
            {/* The saved form, when it is not among the first 100. */}
            {draft.intake_form_id && !intakeForms.isLoading && !forms.some((f) => f.id === draft.intake_form_id) && (
              <Select.Item value={draft.intake_form_id}>Current form</Select.Item>
            )}
          </Select.Content>
        </Select>
      </FormField>

      <DeliverySettings draft={draft} set={set} errors={errors} recurring={recurring} />

      <div className="flex flex-col gap-y-1 pt-2">
        <Text size="small" weight="plus" leading="compact">
          Service page
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          What clients read before they buy.
        </Text>
      </div>
      <FormField
        id="service-included"
        label="What's included"
        optional
        hint="One item per line; shown as a list."
        error={errors.included}
      >
        <Textarea
          id="service-included"
          data-testid="service-included"
          rows={4}
          maxLength={TEXT_LIMITS.included}
          placeholder={"Three first concepts\nTwo rounds of changes"}
          value={draft.included}
          onChange={(e) => set("included", e.target.value)}
        />
      </FormField>
      <FormField
        id="service-turnaround"
        label="Turnaround"
        optional
        hint="How long delivery takes, e.g. 5 business days."
        error={errors.turnaround}
      >
        <Input
          id="service-turnaround"
          data-testid="service-turnaround"
          maxLength={TEXT_LIMITS.turnaround}
          placeholder="5 business days"
          value={draft.turnaround}
          onChange={(e) => set("turnaround", e.target.value)}
        />
      </FormField>
      <FormField
        id="service-next-steps"
        label="After the purchase"
        optional
        hint="What happens next: the brief the client fills in, a call, …"
        error={errors.next_steps}
      >
        <Textarea
          id="service-next-steps"
          data-testid="service-next-steps"
          rows={3}
          maxLength={TEXT_LIMITS.next_steps}
          placeholder="After paying you fill in a short brief; we start as soon as we have it."
          value={draft.next_steps}
          onChange={(e) => set("next_steps", e.target.value)}
        />
      </FormField>

      <div className="flex items-center justify-end gap-x-2">
        {dirty && (
          <Button
            size="small"
            variant="secondary"
            type="button"
            onClick={() => {
              setDraft(initial)
              setErrors({})
            }}
          >
            Discard
          </Button>
        )}
        <Button size="small" type="submit" disabled={!dirty} isLoading={save.isPending} data-testid="service-settings-save">
          Save
        </Button>
      </div>
    </form>
  )
}

/**
 * "Files & license keys": whether clients download the service's files in
 * the portal, and whether each purchased unit gets a license key, with its
 * activation limit (or unlimited) and expiry (never, after a length, or with
 * the subscription for a recurring service).
 */
const DeliverySettings = ({
  draft,
  set,
  errors,
  recurring,
}: {
  draft: Draft
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void
  errors: Record<string, string>
  recurring: boolean
}) => (
  <>
    <div className="flex flex-col gap-y-1 pt-2">
      <Text size="small" weight="plus" leading="compact">
        Files & license keys
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        What clients get in the portal once they have paid.
      </Text>
    </div>
    <ToggleField
      id="service-files-enabled"
      label="Files"
      hint="Clients download the latest version of each file in the portal. Add the files in the Files panel."
      checked={draft.files_enabled}
      onChange={(v) => set("files_enabled", v)}
      error={errors.files_enabled}
    />
    <ToggleField
      id="service-license-keys-enabled"
      label="License keys"
      hint="One key per purchased unit, issued once paid; your software activates it through the license API."
      checked={draft.license_keys_enabled}
      onChange={(v) => set("license_keys_enabled", v)}
      error={errors.license_keys_enabled}
    />
    {draft.license_keys_enabled && (
      <div className="border-ui-border-base flex flex-col gap-y-4 border-l-2 pl-4" data-testid="service-license-settings">
        <FormField
          id="service-license-limit"
          label="Activations per key"
          hint={draft.license_unlimited ? "A key can be activated on any number of installations." : "Installations a key can be active on at once."}
          error={errors.license_activation_limit}
        >
          <div className="flex items-center gap-x-3">
            {!draft.license_unlimited && (
              <Input
                id="service-license-limit"
                data-testid="service-license-limit"
                type="number"
                min={1}
                className="w-24"
                value={draft.license_activation_limit}
                onChange={(e) => set("license_activation_limit", e.target.value)}
              />
            )}
            <div className="flex items-center gap-x-2">
              <Switch
                id="service-license-unlimited"
                data-testid="service-license-unlimited"
                checked={draft.license_unlimited}
                onCheckedChange={(v) => set("license_unlimited", v)}
              />
              <Text size="small" asChild>
                <label htmlFor="service-license-unlimited">Unlimited</label>
              </Text>
            </div>
          </div>
        </FormField>
        <FormField
          id="service-license-expiry"
          label="Keys expire"
          hint={
            draft.license_expiry === "subscription"
              ? "A key expires when its subscription ends (canceled, or all billing cycles done)."
              : draft.license_expiry === "length"
                ? "Counted from when the key is issued."
                : recurring
                  ? undefined
                  : "Keys can follow a subscription only for a recurring service."
          }
          error={errors.license_expiry}
        >
          <Select
            value={draft.license_expiry}
            onValueChange={(v) => set("license_expiry", v as Draft["license_expiry"])}
          >
            <Select.Trigger id="service-license-expiry" data-testid="service-license-expiry">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="never">Never</Select.Item>
              <Select.Item value="length">After a length of time</Select.Item>
              {(recurring || draft.license_expiry === "subscription") && (
                <Select.Item value="subscription">With the subscription</Select.Item>
              )}
            </Select.Content>
          </Select>
        </FormField>
        {draft.license_expiry === "length" && (
          <div className="grid grid-cols-2 gap-x-3">
            <FormField id="service-license-expiry-count" label="After" error={errors.license_expiry_count}>
              <Input
                id="service-license-expiry-count"
                data-testid="service-license-expiry-count"
                type="number"
                min={1}
                max={120}
                value={draft.license_expiry_count}
                onChange={(e) => set("license_expiry_count", e.target.value)}
              />
            </FormField>
            <FormField id="service-license-expiry-interval" label="Unit" error={errors.license_expiry_interval}>
              <Select
                value={draft.license_expiry_interval}
                onValueChange={(v) => set("license_expiry_interval", v as Draft["license_expiry_interval"])}
              >
                <Select.Trigger id="service-license-expiry-interval" data-testid="service-license-expiry-interval">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="day">Day(s)</Select.Item>
                  <Select.Item value="week">Week(s)</Select.Item>
                  <Select.Item value="month">Month(s)</Select.Item>
                  <Select.Item value="year">Year(s)</Select.Item>
                </Select.Content>
              </Select>
            </FormField>
          </div>
        )}
      </div>
    )}
  </>
)

/** A switch with its label, a hint under it, and the server's error for that field instead of the hint. */
const ToggleField = ({
  id,
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  id: string
  label: string
  hint: string
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
}) => (
  <div className="flex flex-col gap-y-1">
    <div className="flex items-center gap-x-2">
      <Switch id={id} data-testid={id} checked={checked} onCheckedChange={onChange} />
      <Text size="small" weight="plus" asChild>
        <label htmlFor={id}>{label}</label>
      </Text>
    </div>
    {error ? (
      <Hint variant="error" data-testid={`${id}-error`}>
        {error}
      </Hint>
    ) : (
      <Hint>{hint}</Hint>
    )}
  </div>
)

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ServiceSettingsWidget
