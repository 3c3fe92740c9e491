/**
 * The other features' services this feature relies on, reached only through their index.ts:
 * organisations' `isSignatory` (a validated manifesto signature) and maturity's `currentMaturityLevel`.
 */
export { isSignatory } from '../organisations/index.js';
export { currentMaturityLevel } from '../maturity/index.js';
