'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { RefusedRecord } from '@/lib/import/backup';
import { backupSummary } from './summaries';
import { UploadForm } from './upload-form';

type Answer = { workspaceId: string; refused: RefusedRecord[] };

/** Restores a workspace export into a new workspace, or into this one when it is empty and yours. */
export function BackupImport({ workspaceId, canReplace }: { workspaceId: string; canReplace: boolean }) {
  const router = useRouter();
  return (
    <UploadForm<never, Answer>
      workspaceId={workspaceId}
      kind="workspace"
      label="Restore a workspace export"
      file={{ label: 'Workspace export (.json)', accept: '.json,application/json', missing: 'Choose a workspace export (.json) first.' }}
      options={
        canReplace ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">Restore into</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="target" value="new" defaultChecked />A new workspace
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="target" value="this" />
              This workspace (only while it has no records)
            </label>
          </fieldset>
        ) : null
      }
      submit={['Restore export', 'Restoring…']}
      plain="Restore export"
      oneStep
      // Say what was left out before moving on; otherwise go straight to the restored workspace.
      onImported={(answer) => {
        if (answer.refused.length > 0) return;
        router.push(`/w/${answer.workspaceId}`);
        router.refresh();
      }}
      renderDone={(answer) =>
        answer.refused.length > 0 ? (
          <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
            <p className="font-semibold">{backupSummary(answer.refused)}</p>
            <ul className="list-disc space-y-1 pl-5 text-sm [overflow-wrap:anywhere]">
              {answer.refused.slice(0, 50).map((r, i) => (
                <li key={i}>
                  {r.record}: {r.reason}
                </li>
              ))}
            </ul>
            {answer.refused.length > 50 ? <p className="text-sm">and {answer.refused.length - 50} more.</p> : null}
            <Link className="btn-secondary" href={`/w/${answer.workspaceId}`}>
              Open the restored workspace
            </Link>
          </div>
        ) : null
      }
    />
  );
}
