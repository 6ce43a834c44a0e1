import Link from "next/link"

/**
 * Previous / "Page x of y" / next, when there is more than one page.
 * `href` builds a page's link (default `?page=n`), so a page can keep its
 * other query parameters.
 */
export default function Pagination({
  page,
  pages,
  href = (n) => `?page=${n}`,
}: {
  page: number
  pages: number
  href?: (page: number) => string
}) {
  if (pages <= 1) {
    return null
  }
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-3 text-sm" data-testid="pagination">
      {page > 1 ? (
        <Link className="btn-secondary" href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className="btn-secondary" href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  )
}
