/** Readers of cloud billing exports (AWS CUR legacy and 2.0, Azure cost details, Google Cloud billing export). */
export {
  readCloudBilling,
  type TCloudBillingReadSummary,
  type TReadCloudBillingOptions,
} from './read-cloud-billing.js';
export { detectCloudBillingFormat } from './formats.js';
export { gunzipIfNeeded } from './gunzip.js';
export {
  CLOUD_PROVIDERS,
  type TCloudBillingError,
  type TCloudBillingFormat,
  type TCloudProvider,
  type TCloudUsageRow,
} from './types.js';
