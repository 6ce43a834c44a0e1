import { isDeepStrictEqual } from "node:util"
import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { IntakeForm } from "./models/intake-form"
import { IntakeFormVersion } from "./models/intake-form-version"
import { IntakeSubmission } from "./models/intake-submission"
import type { IntakeField } from "../../contracts/intake"

/** A form's content as the merchant writes it. */
export type IntakeFormInput = { title: string; description?: string | null; fields: IntakeField[] }

/** What {@link IntakeModuleService.saveIntakeForm} did, enough to undo it. */
export type SavedIntakeForm = {
  id: string
  version: number
  version_id: string
  created: boolean
  /** A new version was written (creation, or the fields changed). */
  versioned: boolean
  previous: { title: string; description: string | null; version: number } | null
}

type FormRow = { id: string; title: string; description: string | null; version: number }

/** Field lists compared as the JSON they are stored as (jsonb does not keep key order). */
const sameFields = (stored: unknown, given: unknown) => isDeepStrictEqual(stored, JSON.parse(JSON.stringify(given ?? null)))

/**
 * Portico's intake module: versioned intake forms and the submissions that
 * answer them. A form's fields are never edited in place: a change writes the
 * next version under a lock on the form row, so versions are consecutive and
 * every submission keeps the version it answered.
 */
export default class IntakeModuleService extends MedusaService({
  IntakeForm,
  IntakeFormVersion,
  IntakeSubmission,
}) {
  /**
   * Creates a form (version 1) when `id` is absent, or updates one: title and
   * description in place, fields as a new version when they differ from the
   * current version's.
   */
  @InjectTransactionManager()
  async saveIntakeForm(
    input: { id?: string } & Partial<IntakeFormInput>,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SavedIntakeForm> {
    const manager = ctx.transactionManager!
    if (!input.id) {
      const id = generateEntityId(undefined, "iform")
      const versionId = generateEntityId(undefined, "iformv")
      await manager.execute(
        `insert into portico_intake_form (id, title, description, version) values (?, ?, ?, 1)`,
        [id, input.title ?? "", input.description ?? null]
      )
      await manager.execute(
        `insert into portico_intake_form_version (id, form_id, version, fields) values (?, ?, 1, ?::jsonb)`,
        [versionId, id, JSON.stringify(input.fields ?? [])]
      )
      return { id, version: 1, version_id: versionId, created: true, versioned: true, previous: null }
    }
    const [form] = (await manager.execute(
      `select id, title, description, version from portico_intake_form
       where id = ? and deleted_at is null for update`,
      [input.id]
    )) as FormRow[]
    if (!form) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Intake form ${input.id} was not found.`)
    }
    const [current] = (await manager.execute(
      `select id, fields from portico_intake_form_version where form_id = ? and version = ? and deleted_at is null`,
      [form.id, form.version]
    )) as { id: string; fields: unknown }[]
    let version = form.version
    let versionId = current?.id ?? ""
    const versioned = input.fields !== undefined && !sameFields(current?.fields, input.fields)
    if (versioned) {
      version = form.version + 1
      versionId = generateEntityId(undefined, "iformv")
      await manager.execute(
        `insert into portico_intake_form_version (id, form_id, version, fields) values (?, ?, ?, ?::jsonb)`,
        [versionId, form.id, version, JSON.stringify(input.fields)]
      )
    }
    await manager.execute(
      `update portico_intake_form set title = ?, description = ?, version = ?, updated_at = now() where id = ?`,
      [
        input.title ?? form.title,
        input.description === undefined ? form.description : input.description,
        version,
        form.id,
      ]
    )
    return {
      id: form.id,
      version,
      version_id: versionId,
      created: false,
      versioned,
      previous: { title: form.title, description: form.description, version: form.version },
    }
  }

  /** Undoes {@link saveIntakeForm}. */
  @InjectTransactionManager()
  async revertIntakeForm(saved: SavedIntakeForm, @MedusaContext() ctx: Context<EntityManager> = {}) {
    const manager = ctx.transactionManager!
    if (saved.created) {
      await manager.execute(`delete from portico_intake_form_version where form_id = ?`, [saved.id])
      await manager.execute(`delete from portico_intake_form where id = ?`, [saved.id])
      return
    }
    if (saved.versioned) {
      await manager.execute(`delete from portico_intake_form_version where id = ?`, [saved.version_id])
    }
    if (saved.previous) {
      await manager.execute(
        `update portico_intake_form set title = ?, description = ?, version = ? where id = ?`,
        [saved.previous.title, saved.previous.description, saved.previous.version, saved.id]
      )
    }
  }

  /** The current version of a form: its id, number and fields. */
  async currentIntakeVersion(formId: string): Promise<{ id: string; form_id: string; version: number; fields: IntakeField[] } | null> {
    const [form] = await this.listIntakeForms({ id: formId }, { select: ["id", "version"] })
    if (!form) {
      return null
    }
    const [v] = await this.listIntakeFormVersions(
      { form_id: formId, version: form.version },
      { select: ["id", "version", "fields"] }
    )
    return v ? { id: v.id, form_id: formId, version: v.version, fields: v.fields as unknown as IntakeField[] } : null
  }
}
