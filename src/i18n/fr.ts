import { common } from './fr/common.js';
import { site } from './fr/site.js';
import { accounts } from './fr/accounts.js';
import { organisations } from './fr/organisations.js';
import { manifesto } from './fr/manifesto.js';
import { directory } from './fr/directory.js';
import { admin } from './fr/admin.js';
import { footprint } from './fr/footprint.js';
import { maturity } from './fr/maturity.js';
import { workshops } from './fr/workshops.js';
import { training } from './fr/training.js';
import { actions } from './fr/actions.js';
import { review } from './fr/review.js';
import { knowledge } from './fr/knowledge.js';

/** The French catalogue: every user-visible string of the platform, by dotted key. */
export const fr = {
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
} as const;

export type TMessageKey = keyof typeof fr;
