import type { Generated } from 'kysely';

/** Cloud billing imports and the inventory lines each wrote (migration 0014). */
export interface FootprintCloudTables {
  footprint_cloud_imports: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    user_id: number | null;
    file_name: string;
    provider: string;
    /** aws-cur-legacy, aws-cur-2, azure-cost-details or gcp-billing-export. */
    format: string;
    /** Id of the provider mapping used (data/cloud-billing). */
    mapping: string;
    rows_read: number;
    line_count: number;
    usage_cost: number;
    mapped_cost: number;
    currency: string;
    /** What could not be mapped, other charges, unknown regions, and the cloud breakdown (`TCloudImportSummary`). */
    summary_json: string;
    created_at: string;
  };
  footprint_cloud_lines: {
    line_id: number;
    cloud_import_id: number;
    inventory_id: number;
  };
}
