import type { ComponentProps, ReactNode } from 'react';
import { PASSWORD_MIN } from '@/lib/schemas/limits';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/** A labelled form control with its hint and error wired for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: FieldControlProps) => ReactNode;
  className?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ?? 'space-y-1'}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An error said beside the control it is about (`id` for its `aria-describedby`), announced when it appears. */
export function ErrorText({ message, id, className }: { message?: string; id?: string; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={className ? `${className} text-sm font-medium text-red-700` : 'text-sm font-medium text-red-700'}>
      {message}
    </p>
  );
}

/** The form-level error, announced when it appears. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

/** A password field: a new one states the length rule, a current one is filled from the password manager. */
export function PasswordField({
  id,
  label,
  kind,
  hint,
  error,
  ...input
}: Omit<ComponentProps<'input'>, 'id' | 'type'> & {
  id: string;
  label: ReactNode;
  kind: 'new' | 'current';
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint ?? (kind === 'new' ? `At least ${PASSWORD_MIN} characters. A long phrase is easiest to remember.` : undefined)}
      error={error}
    >
      {(a) => <input {...a} {...input} type="password" autoComplete={`${kind}-password`} className="input" />}
    </Field>
  );
}

/** A select's options, one per item: `value` names it (the item itself by default), `label` shows it. */
export function Options<T>({
  items,
  value = String,
  label,
}: {
  items: readonly T[];
  value?: (item: T) => string;
  label: (item: T) => ReactNode;
}) {
  return items.map((item) => {
    const v = value(item);
    return (
      <option key={v} value={v}>
        {label(item)}
      </option>
    );
  });
}

/** A labelled select; its options are the children (usually `<Options>`, after a blank choice). */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  selectClassName = 'input',
  children,
  ...select
}: Omit<ComponentProps<'select'>, 'id' | 'className'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The wrapper's classes, as for `Field`. */
  className?: string;
  selectClassName?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(a) => (
        <select {...a} {...select} className={selectClassName}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it and, when given, a hint read with it. */
export function CheckboxField({
  id,
  label,
  hint,
  className = 'flex items-start gap-3',
  ...input
}: Omit<ComponentProps<'input'>, 'id' | 'type' | 'className'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The wrapper's classes. */
  className?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <input id={id} type="checkbox" className="mt-1 size-5 shrink-0 accent-brand-700" aria-describedby={hintId} {...input} />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-stone-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The hidden inputs a form posts along with what is typed, e.g. the workspace and the record's id. */
export function HiddenFields({ values }: { values: Record<string, string | number> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
