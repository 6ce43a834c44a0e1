/**
 * Portico's public workflows and steps (`medusa-plugin-portico/workflows`).
 */
export * from "./catalog/steps/create-folders"
export * from "./catalog/steps/delete-folders"
export * from "./catalog/steps/reorder-folders"
export * from "./catalog/steps/update-folder"
export * from "./catalog/steps/upsert-service-settings"
export * from "./catalog/workflows/create-folders"
export * from "./catalog/workflows/delete-folders"
export * from "./catalog/workflows/reorder-folders"
export * from "./catalog/workflows/update-folder"
export * from "./catalog/workflows/upsert-service-settings"
