/*
 * Shapes of the catalog as its routes return them: part of Portico's
 * contracts (`src/contracts/http.ts`), shared with the admin and the storefront.
 */
export type { FolderTreeNode } from "../../contracts/http"
