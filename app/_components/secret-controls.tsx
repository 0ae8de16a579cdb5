import { FormError } from './field';
import { PendingButton } from './pending-button';

/**
 * The buttons that make, replace or turn off a private URL or address shown only once, with what
 * went wrong and, while one is on, the warning that replacing it stops the old one.
 */
export function SecretControls({
  on,
  pending,
  error,
  make,
  replace,
  turnOff,
  warning,
  onMake,
  onTurnOff,
}: {
  on: boolean;
  pending: boolean;
  error?: string;
  make: string;
  replace: string;
  turnOff: string;
  warning: string;
  onMake: () => void;
  onTurnOff: () => void;
}) {
  return (
    <>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <PendingButton type="button" className={on ? 'btn-secondary' : 'btn-primary'} pending={pending} pendingLabel="Working…" onClick={onMake}>
          {on ? replace : make}
        </PendingButton>
        {on ? (
          <button type="button" className="btn-secondary" disabled={pending} onClick={onTurnOff}>
            {turnOff}
          </button>
        ) : null}
      </div>
      {on ? <p className="text-sm text-stone-600">{warning}</p> : null}
    </>
  );
}
