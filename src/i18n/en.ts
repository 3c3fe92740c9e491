import type { TMessageKey } from './fr.js';
import { common } from './en/common.js';
import { site } from './en/site.js';
import { accounts } from './en/accounts.js';
import { organisations } from './en/organisations.js';
import { manifesto } from './en/manifesto.js';
import { directory } from './en/directory.js';
import { admin } from './en/admin.js';
import { footprint } from './en/footprint.js';
import { maturity } from './en/maturity.js';
import { workshops } from './en/workshops.js';
import { training } from './en/training.js';
import { actions } from './en/actions.js';
import { review } from './en/review.js';
import { knowledge } from './en/knowledge.js';

/** The English catalogue: the same keys as French (checked by the compiler and by a test). */
export const en = {
  ...common,
  ...site,
  ...accounts,
  ...organisations,
  ...manifesto,
  ...directory,
  ...admin,
  ...footprint,
  ...maturity,
  ...workshops,
  ...training,
  ...actions,
  ...review,
  ...knowledge,
} as const satisfies Record<TMessageKey, string>;
