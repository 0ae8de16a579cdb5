'use client';

import { useActionState, useState, useTransition } from 'react';
import { ErrorText, HiddenFields, Options } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { CONNECTION_ERROR, REFUSED_ERROR } from '@/app/_components/use-button-action';
import { useHydrated } from '@/app/_components/use-hydrated';
import { formatAmount } from '@/lib/payoff/format';
import { STAGE_LABELS, STAGES, type StageKey } from '@/lib/schemas/opportunity-options';
import { moveOpportunityStageAction, moveOpportunityStageFormAction } from '../actions';

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

/** The stage an open card most likely moves to next; a closed one suggests nothing, never the other outcome. */
function suggestedStage(stage: StageKey): StageKey | '' {
  if (stage === 'won' || stage === 'lost') return '';
  return STAGES[STAGES.indexOf(stage) + 1];
}

/** What a move out of Won or Lost announces, so the page can offer to undo it. */
export interface ClosedMove {
  id: string;
  title: string;
  from: StageKey;
  to: StageKey;
  /** The value won before the move, restored by an undo. */
  wonValue: number;
  /** The record's version after the move. */
  version: number;
}

export const CLOSED_MOVE_EVENT = 'opportunity-left-closed-stage';

/** A stage picker and a Move button, so a card changes stage without the edit form. */
export function MoveStageForm({
  workspaceId,
  id,
  version,
  stage,
  title,
  idPrefix,
  suggestedWonValue,
  currentWonValue,
  currency,
}: {
  workspaceId: string;
  id: string;
  version: number;
  stage: StageKey;
  title: string;
  idPrefix: string;
  /** Filled in when the move is to Won: what was won before, or else the expected value. */
  suggestedWonValue: number;
  /** What it has won so far (Won cards), named when asking to confirm a move out of Won. */
  currentWonValue: number;
  currency: string;
}) {
  const closed = stage === 'won' || stage === 'lost';
  const [target, setTarget] = useState<StageKey | ''>(suggestedStage(stage));
  const [confirming, setConfirming] = useState(false);
  const [wonValue, setWonValue] = useState(suggestedWonValue > 0 ? String(suggestedWonValue) : '');
  const [error, setError] = useState<string>();
  const [wonError, setWonError] = useState<string>();
  const [pending, startTransition] = useTransition();
  // Before the script has run the form posts itself: the won value is asked for whatever the stage,
  // and a move out of Won or Lost goes ahead without the question the script asks.
  const hydrated = useHydrated();
  const [posted, post] = useActionState(moveOpportunityStageFormAction, null);
  const postedError = posted && !posted.ok ? (posted.fieldErrors?.wonValue?.[0] ?? posted.formError ?? REFUSED_ERROR) : undefined;
  const selectId = `${idPrefix}-move-${id}`;
  const wonId = `${selectId}-won`;
  return (
    <form
      className="mt-3"
      action={post}
      onSubmit={(e) => {
        e.preventDefault();
        if (target === '') {
          setError('Choose the stage to move it to.');
          return;
        }
        // Leaving Won or Lost changes what the dashboard counts: ask first.
        if (closed && !confirming) {
          setError(undefined);
          setConfirming(true);
          return;
        }
        startTransition(async () => {
          setError(undefined);
          setWonError(undefined);
          try {
            const result = await moveOpportunityStageAction(workspaceId, { id, stage: target, version, wonValue: target === 'won' ? wonValue : '' });
            if (!result.ok) {
              const fieldError = result.fieldErrors?.wonValue?.[0];
              if (fieldError) setWonError(fieldError);
              else setError(result.formError ?? REFUSED_ERROR);
              return;
            }
            setConfirming(false);
            if (closed) {
              const move: ClosedMove = { id, title, from: stage, to: target, wonValue: currentWonValue, version: version + 1 };
              window.dispatchEvent(new CustomEvent<ClosedMove>(CLOSED_MOVE_EVENT, { detail: move }));
            }
            focusAfterMove(id, target);
          } catch {
            setError(CONNECTION_ERROR);
          }
        });
      }}
    >
      <HiddenFields values={{ workspaceId, id, version }} />
      <label htmlFor={selectId} className="block text-xs font-medium text-stone-700">
        Move to<span className="sr-only"> (stage of {title})</span>
      </label>
      <select
        id={selectId}
        name="stage"
        value={target}
        onChange={(e) => {
          setTarget(e.target.value as StageKey);
          setConfirming(false);
        }}
        className="input mt-1 min-h-11 py-1.5 text-sm"
      >
        {closed ? (
          <option value="" disabled>
            Choose a stage
          </option>
        ) : null}
        <Options items={STAGES.filter((s) => s !== stage)} label={(s) => STAGE_LABELS[s]} />
      </select>
      {target === 'won' || !hydrated ? (
        <div className="mt-2">
          <label htmlFor={wonId} className="block text-xs font-medium text-stone-700">
            Won value
          </label>
          <input
            id={wonId}
            name="wonValue"
            inputMode="decimal"
            value={wonValue}
            onChange={(e) => setWonValue(e.target.value)}
            aria-invalid={wonError ? true : undefined}
            aria-describedby={`${wonId}-hint${wonError ? ` ${wonId}-error` : ''}`}
            className="input mt-1 min-h-11 py-1.5 text-sm"
          />
          <p id={`${wonId}-hint`} className="mt-1 text-xs text-stone-600">
            {hydrated ? '' : 'Only for a move to Won. '}What it brought, so the dashboard can count it. Leave empty if it brought no money.
          </p>
          {wonError ? (
            <p id={`${wonId}-error`} className="mt-1 text-sm font-medium text-red-700">
              {wonError}
            </p>
          ) : null}
        </div>
      ) : null}
      {confirming && target !== '' ? (
        <div role="alertdialog" aria-labelledby={`${selectId}-confirm`} className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm">
          <p id={`${selectId}-confirm`}>
            Move “{title}” out of {STAGE_LABELS[stage]} to {STAGE_LABELS[target]}?{' '}
            {stage === 'won' && currentWonValue > 0
              ? `Its ${formatAmount(currentWonValue, currency)} will no longer count as won.`
              : 'The dashboard will count it as open again.'}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <PendingButton className="btn-primary px-3 text-sm" pending={pending} pendingLabel="Moving…" autoFocus>
              Yes, move it
            </PendingButton>
            <button type="button" className="btn-secondary px-3 text-sm" onClick={() => setConfirming(false)}>
              Keep it {STAGE_LABELS[stage]}
            </button>
          </div>
        </div>
      ) : (
        <PendingButton className="btn-secondary mt-2 px-3 text-sm" pending={pending} pendingLabel="Moving…" aria-label={`Move ${title}`}>
          Move
        </PendingButton>
      )}
      <ErrorText message={error ?? postedError} className="mt-2" />
    </form>
  );
}
