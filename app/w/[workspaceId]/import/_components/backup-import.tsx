'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/app/_components/field';
import type { RefusedRecord } from '@/lib/import/backup';
import { upload } from './upload';

/** Restores a workspace export into a new workspace, or into this one when it is empty and yours. */
export function BackupImport({ workspaceId, canReplace }: { workspaceId: string; canReplace: boolean }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'new' | 'this'>('new');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [partial, setPartial] = useState<{ workspaceId: string; refused: RefusedRecord[] }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!file) return setError('Choose a workspace export (.json) first.');
    setBusy(true);
    const result = await upload<{ workspaceId: string; refused: RefusedRecord[] }>(`/w/${workspaceId}/import/workspace?target=${target}`, file);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    // Say what was left out before moving on; otherwise go straight to the restored workspace.
    if (result.data.refused.length > 0) return setPartial(result.data);
    router.push(`/w/${result.data.workspaceId}`);
    router.refresh();
  }

  if (partial) {
    return (
      <div role="status" className="mt-4 space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
        <p className="font-semibold">
          Restored, except {partial.refused.length} {partial.refused.length === 1 ? 'record' : 'records'} that no form would accept:
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm [overflow-wrap:anywhere]">
          {partial.refused.slice(0, 50).map((r, i) => (
            <li key={i}>
              {r.record}: {r.reason}
            </li>
          ))}
        </ul>
        {partial.refused.length > 50 ? <p className="text-sm">and {partial.refused.length - 50} more.</p> : null}
        <Link className="btn-secondary" href={`/w/${partial.workspaceId}`}>
          Open the restored workspace
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Restore a workspace export" className="mt-4 space-y-3">
      <div className="space-y-1">
        <label htmlFor="backup-file" className="block text-sm font-medium text-stone-800">
          Workspace export (.json)
        </label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(undefined);
          }}
        />
      </div>
      {canReplace ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-stone-800">Restore into</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" value="new" checked={target === 'new'} onChange={() => setTarget('new')} />A new workspace
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" value="this" checked={target === 'this'} onChange={() => setTarget('this')} />
            This workspace (only while it has no records)
          </label>
        </fieldset>
      ) : null}
      <FormError message={error} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {busy ? 'Restoring…' : 'Restore export'}
      </button>
    </form>
  );
}
