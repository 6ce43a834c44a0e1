import { ArrowPath, CheckCircle, EllipsisHorizontal, PencilSquare, XCircle } from "@medusajs/icons"
import { Button, Drawer, DropdownMenu, IconButton, Input, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"
import type { AdminLicenseKeyChangeBody } from "../../../contracts/http"
import { fieldErrorsOf } from "../../lib/api"
import { activationsLabel, disabledReasonLabel, useLicenseKeyChange, type LicenseKeyView } from "../../lib/entitlements"
import { FormField } from "../common/form-field"

/** A change the merchant can make to a license key. */
export type LicenseKeyAction = "disable" | "enable" | "reset_activations" | "set_activation_limit"

const LABEL: Record<LicenseKeyAction, string> = {
  disable: "Disable",
  enable: "Enable",
  reset_activations: "Reset activations",
  set_activation_limit: "Change limit",
}

const ICON: Record<LicenseKeyAction, ReactNode> = {
  disable: <XCircle />,
  enable: <CheckCircle />,
  reset_activations: <ArrowPath />,
  set_activation_limit: <PencilSquare />,
}

/**
 * The changes that make sense for a key as it is (the server still has the
 * last word): enable a disabled key, disable any other; reset activations
 * while some are in use; change the limit of a key that is not disabled.
 */
export function licenseKeyActions(key: LicenseKeyView): LicenseKeyAction[] {
  const actions: LicenseKeyAction[] = [key.status === "disabled" ? "enable" : "disable"]
  if (key.activation_usage > 0) {
    actions.push("reset_activations")
  }
  actions.push("set_activation_limit")
  return actions
}

/**
 * The merchant's controls of one license key: disable / enable and reset
 * activations are confirmed in a prompt, the activation limit is changed in a
 * drawer. `variant="menu"` is the "…" button of a table row; `"buttons"` the
 * detail page's "Manage" menu. Refusals are shown as a toast (or at the
 * drawer's field).
 */
export const LicenseKeyActions = ({ licenseKey, variant = "menu" }: { licenseKey: LicenseKeyView; variant?: "menu" | "buttons" }) => {
  const prompt = usePrompt()
  const change = useLicenseKeyChange(licenseKey.id)
  const [limitOpen, setLimitOpen] = useState(false)
  const actions = licenseKeyActions(licenseKey)

  const confirmAndRun = async (
    body: AdminLicenseKeyChangeBody,
    ask: { title: string; description: string; confirmText: string; danger?: boolean },
    done: string
  ) => {
    const confirmed = await prompt({
      title: ask.title,
      description: ask.description,
      confirmText: ask.confirmText,
      cancelText: "Back",
      variant: ask.danger ? "danger" : "confirmation",
    })
    if (confirmed) {
      change.mutate(body, {
        onSuccess: () => toast.success(done),
        onError: (e) => toast.error(e.message),
      })
    }
  }

  const run = (action: LicenseKeyAction) => {
    switch (action) {
      case "disable":
        return confirmAndRun(
          { type: "disable" },
          {
            title: "Disable this key?",
            description:
              "Your software is told the key is not valid at its next check, and the key cannot be activated until you enable it again.",
            confirmText: "Disable key",
            danger: true,
          },
          "License key disabled"
        )
      case "enable": {
        const automatic = licenseKey.disabled_reason === "refunded" || licenseKey.disabled_reason === "canceled"
        return confirmAndRun(
          { type: "enable" },
          {
            title: "Enable this key?",
            description: `${automatic ? `${disabledReasonLabel(licenseKey)} ` : ""}The key works again: it validates and can be activated within its limit.`,
            confirmText: "Enable key",
          },
          "License key enabled"
        )
      }
      case "reset_activations":
        return confirmAndRun(
          { type: "reset_activations" },
          {
            title: "Reset activations?",
            description: `Deactivates every installation using the key (${activationsLabel(licenseKey)} in use). The client can activate it again; the deactivated instances stay on record.`,
            confirmText: "Reset activations",
            danger: true,
          },
          "Activations reset"
        )
      case "set_activation_limit":
        setLimitOpen(true)
        return
    }
  }

  const items = actions.map((action) => (
    <DropdownMenu.Item
      key={action}
      className="flex items-center gap-x-2"
      onClick={(e) => {
        e.stopPropagation()
        void run(action)
      }}
      data-testid={`license-key-action-${action}`}
    >
      <span className="text-ui-fg-subtle">{ICON[action]}</span>
      {LABEL[action]}
    </DropdownMenu.Item>
  ))

  return (
    // Clicks inside never open the row's key.
    <div className="flex items-center justify-end" onClick={(e) => e.stopPropagation()} data-testid="license-key-actions">
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          {variant === "menu" ? (
            <IconButton size="small" variant="transparent" aria-label="Manage key" disabled={change.isPending} data-testid="license-key-manage">
              <EllipsisHorizontal />
            </IconButton>
          ) : (
            <Button size="small" variant="secondary" isLoading={change.isPending} data-testid="license-key-manage">
              Manage
              <EllipsisHorizontal />
            </Button>
          )}
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">{items}</DropdownMenu.Content>
      </DropdownMenu>
      <Drawer open={limitOpen} onOpenChange={setLimitOpen}>
        <Drawer.Content data-testid="license-key-limit-drawer">
          {limitOpen && <ActivationLimitForm licenseKey={licenseKey} onDone={() => setLimitOpen(false)} />}
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

/** "Change limit": a number of activations, or unlimited. */
const ActivationLimitForm = ({ licenseKey, onDone }: { licenseKey: LicenseKeyView; onDone: () => void }) => {
  const change = useLicenseKeyChange(licenseKey.id)
  const [unlimited, setUnlimited] = useState(licenseKey.activation_limit == null)
  const [limit, setLimit] = useState(String(licenseKey.activation_limit ?? Math.max(1, licenseKey.activation_usage)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const parsed = Number(limit)
  const below = !unlimited && Number.isFinite(parsed) && parsed < licenseKey.activation_usage

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (change.isPending) {
      return
    }
    // A number the browser cannot parse goes as typed: the server names the field.
    const activation_limit = unlimited ? null : limit.trim() !== "" && Number.isFinite(parsed) ? parsed : limit
    change.mutate({ type: "set_activation_limit", activation_limit } as AdminLicenseKeyChangeBody, {
      onSuccess: ({ license_key }) => {
        setErrors({})
        toast.success(
          license_key.activation_limit == null
            ? "Activations are now unlimited"
            : `The key now allows ${license_key.activation_limit} activation${license_key.activation_limit === 1 ? "" : "s"}`
        )
        onDone()
      },
      onError: (error) => {
        const byField = fieldErrorsOf(error)
        setErrors(byField)
        if (!byField.activation_limit) {
          toast.error(error.message)
        }
      },
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>Change activation limit</Drawer.Title>
        <Drawer.Description className="text-ui-fg-subtle txt-small">
          How many installations can use this key at once. In use now: {activationsLabel(licenseKey)}.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <div className="flex items-center gap-x-2">
          <Switch
            id="license-key-unlimited"
            data-testid="license-key-unlimited"
            checked={unlimited}
            onCheckedChange={setUnlimited}
          />
          <Text size="small" asChild>
            <label htmlFor="license-key-unlimited">Unlimited activations</label>
          </Text>
        </div>
        {!unlimited && (
          <FormField
            id="license-key-limit"
            label="Activation limit"
            hint={
              below
                ? "Lower than the activations in use: those stay active, new activations are refused until some are deactivated."
                : "Activations already in use stay active."
            }
            error={errors.activation_limit}
          >
            <Input
              id="license-key-limit"
              data-testid="license-key-limit"
              type="number"
              min={1}
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
            />
          </FormField>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Back
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={change.isPending} data-testid="license-key-limit-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}
