'use client';

import type { ReactNode, Ref } from 'react';
import type { FormState } from '@/lib/form-data';
import { Disclosure } from './disclosure';
import { Field, FormError, HiddenFields } from './field';
import { PendingButton } from './pending-button';
import { useHydrated } from './use-hydrated';

/** What a text form needs of `useActionForm` for a form whose one typed field is `body`. */
export interface BodyForm {
  formProps: object;
  field: (name: 'body') => object;
  formError?: string;
  errors: { body?: { message?: string } };
  submitting: boolean;
  posted: FormState;
}

/**
 * A form for one piece of plain text (a comment, a note): its error, the hidden fields it posts,
 * the labelled text box and, unless `actions` replaces it, the submit button.
 */
export function TextForm({
  form: { formProps, field, formError, errors, submitting },
  label,
  className,
  error,
  hidden,
  fieldId,
  fieldLabel,
  hint,
  rows,
  autoFocus,
  submitLabel,
  pendingLabel = 'Saving…',
  actions,
}: {
  form: BodyForm;
  /** The form's accessible name. */
  label: string;
  className: string;
  /** A form-level error that comes before the server's, e.g. a refused target. */
  error?: string;
  hidden: Record<string, string>;
  fieldId: string;
  fieldLabel: string;
  hint?: string;
  rows: number;
  autoFocus?: boolean;
  submitLabel: string;
  pendingLabel?: string;
  /** Further buttons after the submit button. */
  actions?: ReactNode;
}) {
  const submit = (
    <PendingButton pending={submitting} pendingLabel={pendingLabel}>
      {submitLabel}
    </PendingButton>
  );
  return (
    <form {...formProps} noValidate className={className} aria-label={label}>
      <FormError message={error ?? formError} />
      <HiddenFields values={hidden} />
      <Field id={fieldId} label={fieldLabel} hint={hint} error={errors.body?.message}>
        {(a) => <textarea {...a} {...field('body')} rows={rows} className="input" autoFocus={autoFocus} />}
      </Field>
      {actions === undefined ? (
        submit
      ) : (
        <div className="flex gap-2">
          {submit}
          {actions}
        </div>
      )}
    </form>
  );
}

/**
 * A text edited in place: an Edit button opens its form, which Cancel or saving closes. Before the
 * script runs, Edit opens the form natively (open again after a refused post, to show why).
 */
export function TextEditor({
  form,
  open,
  onOpen,
  onCancel,
  describe,
  editButton,
  ...text
}: Omit<Parameters<typeof TextForm>[0], 'className' | 'autoFocus' | 'actions'> & {
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  /** Heard by screen readers after "Edit", where a page has several. */
  describe?: string;
  editButton?: Ref<HTMLButtonElement>;
}) {
  const hydrated = useHydrated();
  const editor = (
    <TextForm
      form={form}
      className="basis-full space-y-2"
      autoFocus={hydrated}
      actions={
        hydrated ? (
          <button type="button" className="btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null
      }
      {...text}
    />
  );
  const name = (
    <>
      Edit
      {describe ? <span className="sr-only"> {describe}</span> : null}
    </>
  );
  if (!hydrated) {
    return (
      <Disclosure summary={name} open={Boolean(form.posted && !form.posted.ok)}>
        {editor}
      </Disclosure>
    );
  }
  if (!open) {
    return (
      <button type="button" ref={editButton} className="btn-secondary" onClick={onOpen}>
        {name}
      </button>
    );
  }
  return editor;
}
