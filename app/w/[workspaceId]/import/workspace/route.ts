import { errorResponse, isFailure, jsonResponse, workspaceRoute } from '@/lib/action';
import { importBackupAsNewWorkspace, importBackupIntoWorkspace } from '@/lib/data/import/backup';
import { parseBackup } from '@/lib/import/backup';
import { decodeUtf8 } from '@/lib/import/csv';
import { plainForm } from '../_lib/plain-form';

/** Filling this workspace is a settings change; a new workspace only needs to read this one. */
const restoresHere = (search: URLSearchParams) => search.get('target') === 'this';

/**
 * Restores a workspace export, sent as the request body: ?target=new creates a workspace owned by
 * the caller; ?target=this fills this workspace, which must be empty and the caller's own.
 */
export const POST = plainForm(
  'workspace',
  workspaceRoute(
  { permission: (search) => (restoresHere(search) ? 'workspace.settings' : 'workspace.read'), upload: true },
  async ({ ctx, user, search, body }) => {
    const text = decodeUtf8(body);
    if (!text.ok) return errorResponse(422, text.error);
    const parsed = parseBackup(text.text);
    if (!parsed.ok) return errorResponse(422, parsed.error);
    const result = restoresHere(search)
      ? await importBackupIntoWorkspace(ctx, parsed.backup, user.name)
      : await importBackupAsNewWorkspace(user, parsed.backup);
    if (isFailure(result)) return errorResponse(409, result.formError ?? 'The backup could not be restored.');
    return jsonResponse({ ok: true, workspaceId: result.id, refused: parsed.refused });
  },
),
);
