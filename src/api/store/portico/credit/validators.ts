export { LedgerParams, type LedgerParamsType } from "../../../shared/credit"
