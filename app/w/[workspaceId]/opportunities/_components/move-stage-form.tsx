'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { STAGE_LABELS, STAGES, type StageKey } from '@/lib/schemas/opportunity';
import { moveOpportunityStageAction } from '../actions';

/**
 * After a move the card is drawn again in its new column: the focus follows it there (or, on the
 * opportunity's own page, goes to "Change stage") instead of dropping to the top of the page.
 */
function focusAfterMove(id: string, stage: StageKey) {
  const started = performance.now();
  const step = () => {
    const card = [...document.querySelectorAll<HTMLElement>(`[data-opportunity="${id}"][data-stage="${stage}"]`)].find((el) => el.offsetParent !== null);
    const target = card ?? (document.querySelector(`[data-opportunity="${id}"]`) ? null : document.getElementById('move-title'));
    if (target) target.focus();
    else if (performance.now() - started < 5000) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

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
  suggestedWonValue,
}: {
  workspaceId: string;
  id: string;
  version: number;
  stage: StageKey;
  title: string;
  idPrefix: string;
  /** Filled in when the move is to Won: what was won before, or else the expected value. */
  suggestedWonValue: number;
}) {
  const router = useRouter();
  const [target, setTarget] = useState<StageKey>(suggestedStage(stage));
  const [wonValue, setWonValue] = useState(suggestedWonValue > 0 ? String(suggestedWonValue) : '');
  const [error, setError] = useState<string>();
  const [wonError, setWonError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const selectId = `${idPrefix}-move-${id}`;
  const wonId = `${selectId}-won`;
  return (
    <form
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(undefined);
          setWonError(undefined);
          try {
            const result = await moveOpportunityStageAction(workspaceId, { id, stage: target, version, wonValue: target === 'won' ? wonValue : '' });
            if (!result.ok) {
              const fieldError = result.fieldErrors?.wonValue?.[0];
              if (fieldError) setWonError(fieldError);
              else setError(result.formError ?? 'That did not work. Try again.');
              return;
            }
            focusAfterMove(id, target);
            router.refresh();
          } catch {
            setError('Something went wrong. Check your connection and try again.');
          }
        });
      }}
    >
      <label htmlFor={selectId} className="block text-xs font-medium text-stone-700">
        Move to<span className="sr-only"> (stage of {title})</span>
      </label>
      <select
        id={selectId}
        value={target}
        onChange={(e) => setTarget(e.target.value as StageKey)}
        className="input mt-1 min-h-11 py-1.5 text-sm"
      >
        {STAGES.filter((s) => s !== stage).map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      {target === 'won' ? (
        <div className="mt-2">
          <label htmlFor={wonId} className="block text-xs font-medium text-stone-700">
            Won value
          </label>
          <input
            id={wonId}
            inputMode="decimal"
            value={wonValue}
            onChange={(e) => setWonValue(e.target.value)}
            aria-invalid={wonError ? true : undefined}
            aria-describedby={`${wonId}-hint${wonError ? ` ${wonId}-error` : ''}`}
            className="input mt-1 min-h-11 py-1.5 text-sm"
          />
          <p id={`${wonId}-hint`} className="mt-1 text-xs text-stone-600">
            What it brought, so the dashboard can count it. Leave empty if it brought no money.
          </p>
          {wonError ? (
            <p id={`${wonId}-error`} className="mt-1 text-sm font-medium text-red-700">
              {wonError}
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="btn-secondary mt-2 px-3 text-sm" disabled={pending} aria-label={`Move ${title}`}>
        {pending ? 'Moving…' : 'Move'}
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
