/**
 * The intake field schema and answer validation live in Portico's contracts
 * (`src/contracts/intake.ts`, exported as `medusa-plugin-portico/contracts`),
 * so the routes, the admin's form preview and the storefront run the same
 * function. Re-exported here for the module's own users.
 */
export * from "../../contracts/intake"
