import { describe, expect, it } from "@jest/globals"
import { validateIntake as contractsValidate, type IntakeField } from "medusa-plugin-portico/contracts"
// The function the backend runs (the intake module and the submission workflow import it from here).
import * as server from "../../../../../src/modules/intake/schema"
import { answersPayload, filesPayload, validateIntake, type IntakeValue } from "../intake"

const field = (f: Partial<IntakeField> & Pick<IntakeField, "key" | "type">): IntakeField => ({ label: f.key, required: false, ...f }) as IntakeField

const FIELDS: IntakeField[] = [
  field({ key: "company", type: "text", required: true, min_length: 2 }),
  field({ key: "goals", type: "long_text", max_length: 20 }),
  field({ key: "team_size", type: "number", min: 1, max: 500 }),
  field({ key: "contact", type: "email", required: true }),
  field({ key: "website", type: "url" }),
  field({ key: "kickoff", type: "date", min_date: "2030-01-01", max_date: "2030-12-31" }),
  field({ key: "tone", type: "select", options: ["Serious", "Playful"] }),
  field({ key: "channels", type: "multi_select", options: ["Web", "Social", "Print"] }),
  field({ key: "terms", type: "checkbox", required: true }),
  field({ key: "logo", type: "file", required: true, accept: [".png", "image/jpeg"], max_size_mb: 1, max_files: 2 }),
]

const file = (name: string, type: string, size: number) => ({ name, type, size }) as unknown as File

/** Forms as a client fills them in: every shape of answer the storefront's controls produce. */
const CASES: Record<string, IntakeValue | undefined>[] = [
  {},
  { company: "Acme", contact: "iris@example.com", terms: true, logo: [file("logo.png", "image/png", 1000)] },
  { company: "A", contact: "iris@", terms: false, logo: [], website: "ftp://example.com", team_size: "0" },
  { company: "  Acme  ", contact: " iris@example.com ", terms: true, team_size: "abc", kickoff: "2029-12-31", logo: [file("a.gif", "image/gif", 10)] },
  { company: "Acme", contact: "iris@example.com", terms: true, team_size: "12.5", kickoff: "2031-01-01", tone: "Boring", logo: [file("a.png", "image/png", 2 * 1024 * 1024)] },
  { company: "Acme", contact: "iris@example.com", terms: true, channels: ["Web", "Nope"], goals: "x".repeat(21), logo: [file("a.png", "", 1), file("b.jpg", "image/jpeg", 1), file("c.png", "image/png", 1)] },
  { company: "Acme", contact: "iris@example.com", terms: true, channels: ["Web", "Social"], kickoff: "2030-13-40", website: "https://acme.example", logo: [file("line\nbreak.png", "image/png", 1)] },
  { company: "x".repeat(501), contact: "a@b.co", terms: true, team_size: "501", logo: [file("a.PNG", "image/png", 1)] },
]

describe("the storefront's intake check", () => {
  it("is the server's own function (one module, not a copy)", () => {
    expect(contractsValidate).toBe(server.validateIntake)
  })

  it.each(CASES.map((values, i) => [i, values] as const))("case %i: refuses exactly the fields the server refuses, with its codes", (_i, values) => {
    const mine = validateIntake(FIELDS, values)
    const theirs = server.validateIntake(FIELDS, answersPayload(FIELDS, values), filesPayload(FIELDS, values))
    const serverCodes = theirs.ok
      ? {}
      : Object.fromEntries(
          theirs.errors.filter((e, i, all) => all.findIndex((x) => x.field === e.field) === i).map((e) => [e.field.replace(/^answers\./, ""), e.code])
        )
    expect(Object.fromEntries(Object.entries(mine).map(([k, e]) => [k, e.code]))).toEqual(serverCodes)
  })

  it("words the server's codes for the client", () => {
    const errors = validateIntake(FIELDS, CASES[2])
    expect(errors.company).toEqual({ code: "too_short", message: "Please write at least 2 characters." })
    expect(errors.team_size).toEqual({ code: "too_small", message: "Please enter a number of at least 1." })
    expect(errors.contact.code).toBe("invalid_email")
    expect(errors.website.code).toBe("invalid_url")
    expect(errors.terms).toEqual({ code: "required", message: "Please tick this box to continue." })
    expect(errors.logo).toEqual({ code: "required", message: "Please attach a file." })
    expect(validateIntake(FIELDS, CASES[1])).toEqual({})
  })
})
