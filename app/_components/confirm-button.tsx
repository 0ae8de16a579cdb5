'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { leaveNotice } from './flash-notice';

type Result = { ok: true; data?: unknown } | { ok: false; formError?: string };

/**
 * A destructive button that asks first in a dialog, then runs the action.
 * `onDone` runs after success (usually a navigation).
 */
export function ConfirmButton({
  label,
  labelDetail,
  title,
  message,
  confirmLabel,
  action,
  onDoneHref,
  doneNotice,
  className = 'btn-danger',
}: {
  label: string;
  /** Heard by screen readers after the label, e.g. whom "Remove" removes when a list has several. */
  labelDetail?: string;
  title: string;
  message: string;
  confirmLabel: string;
  action: () => Promise<Result>;
  onDoneHref?: string;
  /** Said on the page that follows, e.g. "Effort deleted." */
  doneNotice?: string;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button type="button" className={className} onClick={() => dialog.current?.showModal()}>
        {label}
        {labelDetail ? <span className="sr-only"> {labelDetail}</span> : null}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-200 p-0 shadow-xl backdrop:bg-black/40"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="mt-2 text-stone-700">{message}</p>
          {error ? (
            <p role="alert" className="mt-3 text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button
              type="button"
              className="btn-danger"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  setError(undefined);
                  try {
                    const result = await action();
                    if (!result.ok) {
                      setError(result.formError ?? 'That did not work. Try again.');
                      return;
                    }
                    dialog.current?.close();
                    if (doneNotice) leaveNotice(doneNotice);
                    if (onDoneHref) window.location.assign(onDoneHref);
                    else window.location.reload();
                  } catch {
                    setError('Something went wrong. Check your connection and try again.');
                  }
                })
              }
            >
              {pending ? 'Working…' : confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
