/** Container key of Portico's entitlement module (product files and license keys). */
export const PORTICO_ENTITLEMENT_MODULE = "porticoEntitlement"

export {
  LICENSE_EXPIRY_MODES,
  LICENSE_KEY_STATUSES,
  LicenseKeyStatus,
  type LicenseExpiryMode,
  type LicenseKeyStatusType,
} from "../../contracts/statuses"

/** Events Portico emits about files and license keys. */
export const EntitlementEvents = {
  /** `{ id, order_id, line_item_id, customer_id }`, once per key. */
  LICENSE_KEY_ISSUED: "portico.license_key.issued",
  /** `{ id, instance_id, instance_name }`: a new activation (not a repeated one with the same fingerprint). */
  LICENSE_KEY_ACTIVATED: "portico.license_key.activated",
  /** `{ id, instance_id }`: an activation freed (by the software, the client or a reset). */
  LICENSE_KEY_DEACTIVATED: "portico.license_key.deactivated",
  /** `{ id, reason }`: disabled by the merchant (`merchant`) or because its purchase was `refunded` or `canceled`. */
  LICENSE_KEY_DISABLED: "portico.license_key.disabled",
  /** `{ id }`: enabled again by the merchant. */
  LICENSE_KEY_ENABLED: "portico.license_key.enabled",
  /** `{ id, reason }`: past its expiry (`expired`) or its subscription ended (`subscription_ended`). */
  LICENSE_KEY_EXPIRED: "portico.license_key.expired",
  /** `{ id, file_id, version_id, version, customer_id, order_id }`: a client downloaded a file. */
  FILE_DOWNLOADED: "portico.file.downloaded",
} as const
