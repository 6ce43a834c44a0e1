import { sdk } from "../../lib/sdk"
import { SearchFilter } from "./search-filter"

/** A searchable service (product) select for list filters ("All services" when none is chosen). */
export const ProductFilter = ({
  value,
  onChange,
  testId = "product-filter",
}: {
  value: string | undefined
  onChange: (productId: string | undefined) => void
  testId?: string
}) => (
  <SearchFilter
    value={value}
    onChange={onChange}
    noun="service"
    plural="services"
    load={async (id) => (await sdk.admin.product.retrieve(id, { fields: "id,title" })).product.title}
    search={async (q) =>
      (await sdk.admin.product.list({ q: q || undefined, limit: 10, fields: "id,title" })).products.map((p) => ({
        id: p.id,
        label: p.title,
      }))
    }
    testId={testId}
    searchTestId="product-search"
    optionTestId="product-option"
  />
)
