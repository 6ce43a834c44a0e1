import { Table } from "@medusajs/ui"

/** `@medusajs/ui` table pagination driven by an `offset` (the routes' `limit`/`offset`). */
export const OffsetPagination = ({
  count,
  offset,
  pageSize,
  onOffset,
}: {
  count: number
  offset: number
  pageSize: number
  onOffset: (offset: number) => void
}) => {
  const pageIndex = Math.floor(offset / pageSize)
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
    />
  )
}
