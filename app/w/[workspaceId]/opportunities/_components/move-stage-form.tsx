'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { STAGE_LABELS, STAGES, type StageKey } from '@/lib/schemas/opportunity';
import { moveOpportunityStageAction } from '../actions';

/** The stage a card most likely moves to next; closed ones default to the other outcome or a reopen. */
function suggestedStage(stage: StageKey): StageKey {
  if (stage === 'won') return 'lost';
  if (stage === 'lost') return 'lead';
  return STAGES[STAGES.indexOf(stage) + 1];
}

/** A stage picker and a Move button, so a card changes stage without the edit form. */
export function MoveStageForm({
  workspaceId,
  id,
  version,
  stage,
  title,
  idPrefix,
}: {
  workspaceId: string;
  id: string;
  version: number;
  stage: StageKey;
  title: string;
  idPrefix: string;
}) {
  const router = useRouter();
  const [target, setTarget] = useState<StageKey>(suggestedStage(stage));
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const selectId = `${idPrefix}-move-${id}`;
  return (
    <form
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(undefined);
          try {
            const result = await moveOpportunityStageAction(workspaceId, { id, stage: target, version });
            if (!result.ok) {
              setError(result.formError ?? 'That did not work. Try again.');
              return;
            }
            router.refresh();
          } catch {
            setError('Something went wrong. Check your connection and try again.');
          }
        });
      }}
    >
      <label htmlFor={selectId} className="block text-xs font-medium text-stone-700">
        Move to
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <select
          id={selectId}
          value={target}
          onChange={(e) => setTarget(e.target.value as StageKey)}
          className="input min-h-11 min-w-32 flex-1 py-1.5 text-sm"
        >
          {STAGES.filter((s) => s !== stage).map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn-secondary shrink-0 px-3 text-sm" disabled={pending} aria-label={`Move ${title}`}>
          {pending ? 'Moving…' : 'Move'}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
