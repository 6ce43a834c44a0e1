import { earliestToday, IntakeFieldsSchema, validateIntake, type IntakeField } from "../schema"

const field = (f: Partial<IntakeField> & Pick<IntakeField, "key" | "type">): IntakeField =>
  ({ label: f.key, required: false, ...f }) as IntakeField

const codes = (r: ReturnType<typeof validateIntake>) =>
  r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.field, e.code]))

describe("intake field definitions", () => {
  it("caps text lengths by type and checks ranges", () => {
    const r = IntakeFieldsSchema.safeParse([
      field({ key: "a", type: "text", max_length: 501 }),
      field({ key: "b", type: "long_text", max_length: 10000, min_length: 10 }),
      field({ key: "c", type: "date", min_date: "2027-01-02", max_date: "2027-01-01" }),
      field({ key: "d", type: "file", accept: ["pdf"] }),
      field({ key: "e", type: "multi_select", options: ["x", "x"] }),
    ])
    expect(r.success).toBe(false)
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join("."), (i as { params?: { code?: string } }).params?.code ?? i.code])
    expect(issues).toEqual([
      ["0.max_length", "too_big"],
      ["2.min_date", "invalid_range"],
      ["3.accept.0", "invalid_format"],
      ["4.options", "duplicate_option"],
    ])
  })
})

describe("date fields not in the past", () => {
  it("refuse days before today (with a day's slack for time zones), and apply to date fields only", () => {
    const now = new Date()
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
    const fields = [field({ key: "due", type: "date", not_in_past: true })]
    expect(IntakeFieldsSchema.safeParse(fields).success).toBe(true)
    expect(validateIntake(fields, { due: day(0) }, []).ok).toBe(true)
    expect(validateIntake(fields, { due: day(30) }, []).ok).toBe(true)
    expect(validateIntake(fields, { due: earliestToday(now) }, []).ok).toBe(true)
    expect(codes(validateIntake(fields, { due: day(-2) }, []))).toEqual({ "answers.due": "too_small" })
    expect(codes(validateIntake(fields, { due: "2026-01-01" }, []))).toEqual({ "answers.due": "too_small" })
    const wrong = IntakeFieldsSchema.safeParse([field({ key: "n", type: "number", not_in_past: true })])
    expect(wrong.success ? [] : wrong.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toEqual(["not_applicable"])
  })
})

describe("validateIntake", () => {
  it("keeps 0 as a number answer, trims text, drops empty optional answers", () => {
    const fields = [
      field({ key: "n", type: "number", required: true, min: 0 }),
      field({ key: "t", type: "text", required: true }),
      field({ key: "o", type: "text" }),
      field({ key: "m", type: "multi_select", options: ["a", "b"] }),
      field({ key: "c", type: "checkbox" }),
    ]
    expect(validateIntake(fields, { n: 0, t: "  hi  ", o: "", m: [], c: false }, [])).toEqual({
      ok: true,
      answers: { n: 0, t: "hi" },
    })
    expect(validateIntake(fields, { n: "3", t: "x" }, [])).toEqual({ ok: true, answers: { n: 3, t: "x" } })
  })

  it("matches files by extension, exact MIME type or MIME family, and counts per field", () => {
    const fields = [
      field({ key: "img", type: "file", accept: ["image/*"], max_files: 2 }),
      field({ key: "doc", type: "file", accept: [".PDF", "text/plain"], max_size_mb: 0.001 }),
    ]
    const file = (f: string, filename: string, mime_type: string, size = 10) => ({ field: f, filename, mime_type, size })
    expect(validateIntake(fields, {}, [file("img", "a.jpg", "image/jpeg"), file("doc", "b.pdf", "application/pdf")]).ok).toBe(true)
    expect(codes(validateIntake(fields, {}, [file("img", "a.pdf", "application/pdf"), file("doc", "n.txt", "text/plain", 2000)]))).toEqual({
      "answers.img": "file_type",
      "answers.doc": "file_too_large",
    })
    expect(codes(validateIntake(fields, { img: "x" }, [file("other", "a.png", "image/png")]))).toEqual({
      "answers.img": "unknown_field",
      "answers.other": "unknown_field",
    })
  })

  it("refuses answers that are not an object", () => {
    expect(codes(validateIntake([], ["a"], []))).toEqual({ answers: "invalid_type" })
  })
})
