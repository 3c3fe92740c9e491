/** File imports: the generic table reader (CSV/XLSX → rows of strings) and the inventory reader. */
export {
  readTableRows,
  readTableBatches,
  readTable,
  parseCsvBuffer,
  parseXlsxBuffer,
  detectEncoding,
  detectDelimiter,
  normaliseHeader,
  tableKind,
  CsvRowParser,
  UnreadableTableError,
  type TTableRow,
  type TTableInfo,
  type TReadTableOptions,
  type TEncoding,
  type TDelimiter,
} from './read-table.js';
export {
  readInventory,
  readInventoryFile,
  workbookProblem,
  unreadableError,
  parseLocaleNumber,
  parseYear,
  loadPercent,
  mapHeaders,
  rowToLine,
  type TReadInventoryOptions,
  type TReadInventorySummary,
  type TSkippedRows,
} from './read-inventory.js';
export {
  ZInventoryMapping,
  PRESETS,
  getPreset,
  type TInventoryMapping,
  type TInventoryMappingInput,
} from './presets.js';
export { COLUMN_ALIASES, KEPT_COLUMNS, KEPT_COLUMN_ALIASES, type TKeptColumn } from './inventory-columns.js';
export {
  READER_ERROR_CODES,
  READER_ERROR_TEXTS,
  COLUMN_HINTS,
  readerError,
  inventoryErrorParts,
  inventoryErrorText,
  formatInventoryError,
  groupInventoryErrors,
  type TReaderErrorCode,
  type TErrorGroup,
} from './messages.js';
export { checkZipArchive, ZipRefusedError, ZIP_LIMITS, type TZipProblem } from './zip-guard.js';
