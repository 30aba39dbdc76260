/**
 * The de-identification engine (issue 5): one mask shape per field across the platform,
 * generalisation, and small-cell suppression with secondary suppression.
 */
export { auditSuppressedTable, type SuppressionProblem } from './audit-suppressed-table.ts';
export { findDeterminedCells, type LinearConstraint } from './find-determined-cells.ts';
export { findPinnedCells } from './find-pinned-cells.ts';
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
  cellKey,
  DEFAULT_K,
  type Fen,
  type PublishedCell,
  SENSITIVE_K,
  type SuppressedTable,
  type SuppressionOptions,
  suppressSmallCells,
  type TableCellInput,
} from './suppress-small-cells.ts';
export {
  type CountRange,
  type GeneralisationNote,
  HIDDEN_CELL_RANGE,
  PREVIOUS_RELEASE_SUPPRESSION,
  primarySuppression,
  SENSITIVE_LEVEL,
  type SuppressionCode,
  type SuppressionNote,
  secondarySuppression,
} from './suppression-reason.ts';
