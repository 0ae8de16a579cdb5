import Link from 'next/link';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A button that is disabled and says what it is doing while its form or action is under way:
 * a form's submit button by default, `type="button"` for one that runs an action itself.
 */
export function PendingButton({
  pending,
  pendingLabel,
  type = 'submit',
  className = 'btn-primary',
  disabled,
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  pending: boolean;
  /** Shown instead of the children while pending, e.g. "Saving…". */
  pendingLabel: ReactNode;
  type?: 'submit' | 'button';
}) {
  return (
    <button type={type} className={className} disabled={pending || disabled} {...rest}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** A form's save button with the status line beside it that says, once saved, that it was. */
export function SaveButton({
  submitting,
  saved,
  savedLabel = 'Saved.',
  children,
}: {
  submitting: boolean;
  saved: boolean;
  savedLabel?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <PendingButton pending={submitting} pendingLabel="Saving…">
        {children}
      </PendingButton>
      <p role="status" className="text-sm text-brand-700">
        {saved && !submitting ? savedLabel : ''}
      </p>
    </div>
  );
}

/** A form's save button and the Cancel link back to where the person came from. */
export function SaveOrCancel({ submitting, cancelHref, children }: { submitting: boolean; cancelHref: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <PendingButton pending={submitting} pendingLabel="Saving…">
        {children}
      </PendingButton>
      <Link href={cancelHref} className="btn-secondary">
        Cancel
      </Link>
    </div>
  );
}
