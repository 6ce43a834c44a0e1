import { z } from "@medusajs/framework/zod"
import { fieldErrors, validateBody } from "../validate-body"

const schema = z
  .object({
    name: z.string().min(1),
    count: z.number().int().optional(),
    nested: z.object({ url: z.string().url() }).strict().optional(),
  })
  .strict()

function run(body: unknown) {
  const req = { body } as Parameters<ReturnType<typeof validateBody>>[0]
  const res = {
    statusCode: 200,
    payload: undefined as unknown,
    status(code: number) {
      this.statusCode = code
      return this
    },
    json(payload: unknown) {
      this.payload = payload
      return this
    },
  }
  const next = jest.fn()
  validateBody(schema)(req, res as unknown as Parameters<ReturnType<typeof validateBody>>[1], next)
  return { req, res, next }
}

describe("validateBody", () => {
  it("passes a valid body on as req.validatedBody", () => {
    const { req, res, next } = run({ name: "x", count: 2 })
    expect(next).toHaveBeenCalledTimes(1)
    expect(res.statusCode).toBe(200)
    expect(req.validatedBody).toEqual({ name: "x", count: 2 })
  })

  it("answers 400 with one stable code per offending field and never calls the route", () => {
    const { res, next } = run({ count: 1.5, colour: "red", nested: { url: "nope", extra: 1 } })
    expect(next).not.toHaveBeenCalled()
    expect(res.statusCode).toBe(400)
    const payload = res.payload as { code: string; type: string; errors: { field: string; code: string }[]; message: string }
    expect(payload.type).toBe("invalid_data")
    expect(payload.code).toBe("invalid_request")
    expect(payload.errors.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: "name", code: "required" },
        { field: "count", code: "invalid_type" },
        { field: "colour", code: "unknown_field" },
        { field: "nested.url", code: "invalid_format" },
        { field: "nested.extra", code: "unknown_field" },
      ])
    )
    expect(payload.message).toMatch(/^Invalid request: /)
  })

  it("treats a missing body as an empty object", () => {
    const { res } = run(undefined)
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(schema.safeParse({}).error!, {})).toEqual([
      { field: "name", code: "required", message: "Field 'name' is required" },
    ])
  })
})
