/**
 * Techcare footprint engine: a pure library (no files, no database, no network).
 *
 * - `computeFootprint(factorSet, lines, options)`: whole-array API.
 * - `createFootprintAccumulator(factorSet, options)`: streaming API (`add(line, lineNo)` then `result()`).
 * - `simulateInventory(factorSet, lines, transform, options)`: recompute after transforming lines (levers).
 * Factor sets are loaded by `src/data` (`getFactorSet(id)`).
 */
export {
  CRITERIA,
  PHASES,
  TIERS,
  UNITS,
  ALLOCATIONS,
  NUMERIC_COLUMNS,
  TEXT_COLUMNS,
  ZCriterion,
  ZImpact,
  ZInventoryLine,
  ZCitedRange,
  ZDeviceArchetype,
  ZServerModel,
  ZCloudPlatform,
  ZFootprintOptions,
  GAP_CODES,
} from './types.js';
export type {
  TCriterion,
  TPhase,
  TTier,
  TAllocation,
  TProvenance,
  TImpact,
  TImpacts,
  TInventoryLine,
  TColumn,
  TCitedRange,
  TDeviceArchetype,
  TServerModel,
  TCloudPlatform,
  TCloudInstance,
  TCloudProvider,
  TSource,
  TFactorSet,
  TFootprintOptions,
  TFootprintResult,
  TLineError,
  TWarning,
  TMessageParams,
  TGap,
  TGapCode,
  TReferenceProfile,
  TQuarantined,
} from './types.js';
export { withProfile, defaultProfileOf, profileIdsOf } from './profiles.js';
export {
  formatLineError,
  formatWarning,
  lineErrorParts,
  lineErrorText,
  warningParts,
  warningText,
  linePrefix,
  joinParts,
  splitMessage,
  messageNumber,
  textParts,
  LINE_ERROR_CODES,
  WARNING_CODES,
  LINE_ERROR_TEXTS,
  WARNING_TEXTS,
  type TMessageLang,
  type TMessageParts,
  type TMessageText,
  type TLineErrorCode,
  type TWarningCode,
} from './messages.js';
export { createFootprintAccumulator, termInterval, type TFootprintAccumulator } from './accumulator.js';
export { computeFootprint, validateInventory, simulateInventory, InventoryErrors } from './engine.js';
export { normaliseCategory } from './models.js';
export { cpuPowerAtLoad, serverManufacture, compileFactorSet } from './compile.js';
export { mulberry32, triangular, centredTriangular, percentile } from './prng.js';
export { makeParam, type TParam, type TParamKind } from './params.js';
