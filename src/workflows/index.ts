/**
 * Portico's public workflows and steps (`medusa-plugin-portico/workflows`).
 */
export * from "./catalog/steps/create-folders"
export * from "./catalog/workflows/create-folders"
