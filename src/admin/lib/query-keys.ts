/** React Query keys of Portico's admin data; invalidate a prefix after a change. */
export const porticoKeys = {
  folders: ["portico", "folders"] as const,
  folderTree: ["portico", "folders", "tree"] as const,
  folder: (id: string) => ["portico", "folders", "detail", id] as const,
  serviceSettings: ["portico", "service-settings"] as const,
  settingsOf: (productId: string) => ["portico", "service-settings", productId] as const,
  invoices: ["portico", "invoices"] as const,
}
