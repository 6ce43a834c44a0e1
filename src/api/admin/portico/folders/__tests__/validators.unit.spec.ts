import { CreateFolderBody, FolderListParams } from "../validators"

describe("CreateFolderBody", () => {
  it("accepts a folder and trims its name", () => {
    const parsed = CreateFolderBody.parse({ name: "  Design ", handle: "brand-design", position: 2 })
    expect(parsed).toEqual({ name: "Design", handle: "brand-design", position: 2 })
  })

  it.each([
    [{ handle: "design" }, "name"],
    [{ name: "", handle: "design" }, "name"],
    [{ name: "Design", handle: "Design Folder" }, "handle"],
    [{ name: "Design", handle: "design--x" }, "handle"],
    [{ name: "Design", handle: "design", position: -1 }, "position"],
    [{ name: "Design", handle: "design", position: 1.5 }, "position"],
  ])("rejects %j on field %s", (body, field) => {
    const result = CreateFolderBody.safeParse(body)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field)
  })

  it("rejects unknown keys", () => {
    const result = CreateFolderBody.safeParse({ name: "Design", handle: "design", colour: "red" })
    expect(result.success).toBe(false)
  })
})

describe("FolderListParams", () => {
  it("orders by position and pages by 50 unless told otherwise", () => {
    expect(FolderListParams.parse({})).toMatchObject({ order: "position", limit: 50, offset: 0 })
  })
})
