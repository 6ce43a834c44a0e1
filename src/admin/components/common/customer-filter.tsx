import { customerName } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import { SearchFilter } from "./search-filter"

const FIELDS = "id,email,first_name,last_name"

/** A searchable customer select for list filters ("All customers" when none is chosen). */
export const CustomerFilter = ({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (customerId: string | undefined) => void
}) => (
  <SearchFilter
    value={value}
    onChange={onChange}
    noun="customer"
    plural="customers"
    load={async (id) => customerName((await sdk.admin.customer.retrieve(id, { fields: FIELDS })).customer)}
    search={async (q) =>
      (await sdk.admin.customer.list({ q: q || undefined, limit: 10, fields: FIELDS })).customers.map((c) => ({
        id: c.id,
        label: customerName(c),
        detail: customerName(c) !== c.email ? c.email : null,
      }))
    }
    testId="invoice-customer-filter"
    searchTestId="customer-search"
    optionTestId="customer-option"
  />
)
