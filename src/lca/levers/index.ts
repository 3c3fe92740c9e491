/**
 * Levers as transformations of an inventory (pure: no I/O, no app imports). Each quantifiable lever turns
 * parameters into a line transformation; `simulateLevers` recomputes the footprint with the engine, lever by lever
 * and combined without double counting.
 */
export {
  ZLeverParams,
  QUANTIFIED_LEVERS,
  leverTransform,
  chainTransforms,
  type TQuantifiedLever,
  type TLeverParams,
  type TLineTransform,
} from './levers.js';
export {
  simulateLevers,
  steadyStateLines,
  type TLeverApplication,
  type TLeverSimulation,
  type TLeverEffect,
  type TCriterionChange,
  type TChanges,
} from './simulate.js';
export { LEVER_SOURCES, REFURBISHED_REDUCTION, refurbishedReduction } from './sources.js';
export { canonicalCategory, type TLeverLine } from './helpers.js';
