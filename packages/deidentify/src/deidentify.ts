/**
 * The de-identification engine (issue 5): one mask shape per field across the platform,
 * generalisation, and small-cell suppression with secondary suppression.
 */
export { auditSuppressedTable, type SuppressionProblem } from './audit-suppressed-table.ts';
export { findDeterminedCells, type LinearConstraint } from './find-determined-cells.ts';
export {
  AGE_BANDS,
  type AgeBand,
  ageBand,
  ageOn,
  regionForProgram,
  TOWNSHIP_DEPTH,
  VILLAGE_DEPTH,
} from './generalise.ts';
export { maskName } from './mask-name.ts';
export {
  DEFAULT_K,
  type Fen,
  type PublishedCell,
  SENSITIVE_K,
  type SuppressedTable,
  type SuppressionOptions,
  suppressSmallCells,
  type TableCellInput,
} from './suppress-small-cells.ts';
export type {
  GeneralisationNote,
  SuppressionCode,
  SuppressionNote,
} from './suppression-reason.ts';
