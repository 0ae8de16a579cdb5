'use client';

import { useEffect, useState, useTransition } from 'react';
import { PendingButton } from '@/app/_components/pending-button';
import { STAGE_LABELS } from '@/lib/schemas/opportunity-options';
import { moveOpportunityStageAction } from '../actions';
import { CLOSED_MOVE_EVENT, type ClosedMove } from './move-stage-form';

/** After a card leaves Won or Lost, a bar that puts it back as it was with one press. */
export function UndoMove({ workspaceId }: { workspaceId: string }) {
  const [move, setMove] = useState<ClosedMove | null>(null);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const onMove = (e: Event) => {
      setMove((e as CustomEvent<ClosedMove>).detail);
      setMessage(undefined);
    };
    window.addEventListener(CLOSED_MOVE_EVENT, onMove);
    return () => window.removeEventListener(CLOSED_MOVE_EVENT, onMove);
  }, []);
  const undo = (done: ClosedMove) =>
    startTransition(async () => {
      const result = await moveOpportunityStageAction(workspaceId, {
        id: done.id,
        stage: done.from,
        version: done.version,
        wonValue: done.from === 'won' && done.wonValue > 0 ? String(done.wonValue) : '',
      });
      setMove(null);
      setMessage(result.ok ? `“${done.title}” is back in ${STAGE_LABELS[done.from]}.` : (result.formError ?? 'It could not be put back. Reload and try again.'));
    });
  if (!move && !message) return null;
  return (
    <div role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm">
      {move ? (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            “{move.title}” moved from {STAGE_LABELS[move.from]} to {STAGE_LABELS[move.to]}.
          </span>
          <PendingButton type="button" className="btn-secondary px-3 py-1 text-sm" pending={pending} pendingLabel="Undoing…" onClick={() => undo(move)}>
            Undo
          </PendingButton>
        </p>
      ) : (
        <p>{message}</p>
      )}
    </div>
  );
}
