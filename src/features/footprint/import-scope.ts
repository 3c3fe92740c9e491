/**
 * What an upload replaces: the whole year, or only the lines of one source (GLPI exports one list per asset type,
 * « Ordinateurs », « Moniteurs »…, so a year is built from several files). Shared by the page and the API.
 */
import { AppError } from '../../http/errors.js';
import { IMPORT_SCOPES, type TImportScope } from './import-inventory.js';

export const MAX_SOURCE_NAME = 100;

/**
 * Reads `scope` (`year` by default) and `source_name`. A source is required to replace a source; with the whole
 * year, a named source is kept on the lines too.
 */
export function importScopeFromForm(form: Record<string, unknown>): { scope: TImportScope; sourceName: string | null } {
  const rawScope = typeof form.scope === 'string' && form.scope !== '' ? form.scope : 'year';
  if (!(IMPORT_SCOPES as readonly string[]).includes(rawScope)) {
    throw new AppError(
      422,
      'invalid_scope',
      `scope must be ${IMPORT_SCOPES.join(' or ')}`,
      [{ path: 'scope', message: `use ${IMPORT_SCOPES.join(' or ')}` }],
      { key: 'footprint.import.scopeInvalid' },
    );
  }
  const sourceName = typeof form.source_name === 'string' ? form.source_name.trim().replace(/\s+/g, ' ') : '';
  if (sourceName.length > MAX_SOURCE_NAME) {
    throw new AppError(
      422,
      'invalid_source_name',
      `source_name is longer than ${MAX_SOURCE_NAME} characters`,
      [{ path: 'source_name', message: `at most ${MAX_SOURCE_NAME} characters` }],
      { key: 'footprint.import.sourceTooLong', params: { max: MAX_SOURCE_NAME } },
    );
  }
  if (rawScope === 'source' && sourceName === '') {
    throw new AppError(
      422,
      'source_name_required',
      'source_name is required to replace the lines of one source',
      [{ path: 'source_name', message: 'give the source name, e.g. Ordinateurs' }],
      { key: 'footprint.import.sourceRequired' },
    );
  }
  return { scope: rawScope as TImportScope, sourceName: sourceName || null };
}
