import type { FoundationTables } from './tables/foundation.js';
import type { FootprintTables } from './tables/footprint.js';
import type { FootprintCloudTables } from './tables/footprint-cloud.js';
import type { MaturityTables } from './tables/maturity.js';
import type { WorkshopTables } from './tables/workshops.js';
import type { TrainingTables } from './tables/training.js';
import type { ActionTables } from './tables/actions.js';
import type { ReviewTables } from './tables/review.js';
import type { KnowledgeTables } from './tables/knowledge.js';

/**
 * Every table of the platform. Each feature declares its own tables in `tables/<feature>.ts`; this interface only
 * gathers them so Kysely can type every query.
 */
export interface Database
  extends FoundationTables,
    FootprintTables,
    FootprintCloudTables,
    MaturityTables,
    WorkshopTables,
    TrainingTables,
    ActionTables,
    ReviewTables,
    KnowledgeTables {}
