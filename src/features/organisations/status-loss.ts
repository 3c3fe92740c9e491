import type { TConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';

/** What a feature is told when an organisation loses its partner or expert status. */
export interface TStatusLoss {
  organisationId: number;
  actorId: number;
  reason: string;
  config: TConfig;
}

/**
 * Takes offline (never deletes) what the organisation published under its status; returns how many items.
 * Runs inside the withdrawal's transaction, so the status and the publications change together.
 */
export type TStatusLossHandler = (tx: Tx, loss: TStatusLoss) => Promise<number>;

const handlers = new Map<string, TStatusLossHandler>();

/**
 * Each publishing feature (workshops, knowledge, training) registers its handler from its `index.ts`; the
 * organisations feature cannot import them (they depend on it), so they come to it.
 */
export function onStatusLoss(feature: string, handler: TStatusLossHandler): void {
  handlers.set(feature, handler);
}

/** Runs every registered handler; returns the count of items unpublished per feature. */
export async function unpublishAfterStatusLoss(tx: Tx, loss: TStatusLoss): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [feature, handler] of handlers) out[feature] = await handler(tx, loss);
  return out;
}
