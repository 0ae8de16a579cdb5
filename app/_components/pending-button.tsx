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
