/** What the cloud billing readers produce: one usage row of a provider's export, in the provider's own terms. */
export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type TCloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** The export formats read; AWS has two spellings of the same Cost and Usage Report. */
export type TCloudBillingFormat = 'aws-cur-legacy' | 'aws-cur-2' | 'azure-cost-details' | 'gcp-billing-export';

export interface TCloudUsageRow {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  provider: TCloudProvider;
  /** AWS product code (AmazonEC2), Azure meter category (Virtual Machines), Google service (Compute Engine). */
  service: string;
  /** AWS usage type (EUW3-BoxUsage:m5.large), Azure meter name (D2s v3), Google SKU description. */
  usageType: string;
  /** Azure meter subcategory (Dv3/DSv3 Series); empty elsewhere. */
  subCategory: string;
  /** AWS line item type (Usage, Tax…); empty elsewhere. */
  lineItemType: string;
  /** AWS usage account, Azure subscription, Google project. */
  account: string;
  /** The provider's region code as written (may be empty). */
  region: string;
  amount: number;
  /** The unit of `amount` as written (Hrs, GB-Mo, 10 Hours, gibibyte month…). */
  unit: string;
  /** Billed cost in the export's currency. */
  cost: number;
  currency: string;
  /** The machine type when the export names it beside the usage (Azure additional info, Google system label). */
  instanceType: string;
}

/** A problem with the file, named by line and column so the person can fix it. */
export interface TCloudBillingError {
  line: number;
  column: string;
  message: string;
}
