import { errorResponse, jsonResponse, workspaceRoute } from '@/lib/action';
import { importCsvRows, previewCsvImport } from '@/lib/data/import/csv';
import { MAX_ROWS, readCsvFile } from '@/lib/import/csv';
import { checkMapping, guessMapping, IMPORT_ENTITIES, parseMapping, type ImportEntity } from '@/lib/import/mapping';
import { plainForm } from '../_lib/plain-form';

/**
 * A spreadsheet of contacts, efforts or opportunities, sent as the request body.
 * ?mode=preview checks every row against the mapping (guessed from the headers unless ?map= is given);
 * ?mode=import writes the valid rows in one transaction.
 */
export const POST = plainForm(
  'csv',
  workspaceRoute({ permission: 'records.write', upload: true }, async ({ ctx, search, body }) => {
  const entity = search.get('entity') as ImportEntity;
  if (!IMPORT_ENTITIES.includes(entity)) return errorResponse(400, 'Choose what the file holds: contacts, efforts or opportunities.');
  const parsed = readCsvFile(body);
  if (!parsed.ok) return errorResponse(422, parsed.error);
  const [header, ...rows] = parsed.rows;
  if (!header || header.every((h) => !h.trim())) return errorResponse(422, 'The file has no header row. The first line must name the columns.');
  if (rows.length === 0) return errorResponse(422, 'The file has a header but no rows to import.');
  if (rows.length > MAX_ROWS) return errorResponse(422, `The file has more than ${MAX_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`);
  const mapping = parseMapping(entity, search.get('map'), header.length) ?? guessMapping(entity, header);
  const problems = checkMapping(entity, mapping);
  const lines = parsed.lines.slice(1);
  if (search.get('mode') === 'import') {
    if (problems.length) return errorResponse(422, problems.join(' '));
    const result = await importCsvRows(ctx, entity, rows, lines, mapping);
    return jsonResponse({ ok: true, imported: true, header, mapping, problems, result });
  }
  const result = problems.length
    ? { total: rows.length, validCount: 0, invalidCount: 0, sample: rows.slice(0, 20).map((cells, i) => ({ line: lines[i], cells, errors: [] })), problems: [] }
    : await previewCsvImport(ctx, entity, rows, lines, mapping);
  return jsonResponse({ ok: true, imported: false, header, mapping, problems, result });
}),
);
