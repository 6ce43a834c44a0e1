/** Container key of Portico's catalog module. */
export const PORTICO_CATALOG_MODULE = "porticoCatalog"
