'use client';

import { useActionState, useId, useRef } from 'react';
import type { FormState } from '@/lib/form-data';
import { Disclosure } from './disclosure';
import { ErrorText, HiddenFields } from './field';
import { leaveNotice } from './flash-notice';
import { PendingButton } from './pending-button';
import { REFUSED_ERROR, useButtonAction } from './use-button-action';
import { useHydrated } from './use-hydrated';

type Result = { ok: true; data?: unknown } | { ok: false; formError?: string };

/**
 * A destructive button that asks first in a dialog, then runs the action.
 * `onDone` runs after success (usually a navigation). Given `form` (the same action taking
 * FormData, from `workspaceFormAction`, and the fields it needs), it also works before the script
 * has run: the button opens the question in place and the confirmation posts the form.
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
  form,
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
  form?: { action: (state: FormState, formData: FormData) => Promise<FormState>; fields: Record<string, string> };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { pending, message: error, run } = useButtonAction();
  const confirm = async () => {
    const result = await action();
    if (!result.ok) return result.formError ?? REFUSED_ERROR;
    dialog.current?.close();
    if (doneNotice) leaveNotice(doneNotice);
    if (onDoneHref) window.location.assign(onDoneHref);
    else window.location.reload();
  };
  const hydrated = useHydrated();
  const [posted, post] = useActionState(form?.action ?? keep, null);
  const name = (
    <>
      {label}
      {labelDetail ? <span className="sr-only"> {labelDetail}</span> : null}
    </>
  );
  if (form && !hydrated) {
    const refused = posted && !posted.ok ? (posted.fieldErrors?._form?.[0] ?? posted.formError ?? REFUSED_ERROR) : undefined;
    return (
      <Disclosure
        className={className}
        open={Boolean(refused)}
        summary={name}
      >
        <form action={post} aria-labelledby={titleId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          <HiddenFields values={form.fields} />
          <p id={titleId} className="font-semibold">
            {title}
          </p>
          <p className="mt-1 text-stone-700">{message}</p>
          <ErrorText message={refused} className="mt-2" />
          <button type="submit" className="btn-danger mt-3">
            {confirmLabel}
          </button>
        </form>
      </Disclosure>
    );
  }
  return (
    <>
      <button type="button" className={className} onClick={() => dialog.current?.showModal()}>
        {name}
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
          <ErrorText message={error} className="mt-3" />
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <PendingButton type="button" className="btn-danger" pending={pending} pendingLabel="Working…" onClick={() => run(confirm)}>
              {confirmLabel}
            </PendingButton>
          </div>
        </div>
      </dialog>
    </>
  );
}

async function keep(state: FormState): Promise<FormState> {
  return state;
}
