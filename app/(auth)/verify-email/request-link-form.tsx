'use client';

import { EmailLinkForm } from '../_components/email-link-form';
import { requestVerificationAction, requestVerificationFormAction } from './actions';

/** Asks for a new confirmation link by address; the answer never says whether the address has an account. */
export function RequestLinkForm() {
  return (
    <EmailLinkForm
      schema={() => import('@/lib/schemas/account').then((m) => m.resendVerificationSchema)}
      action={requestVerificationAction}
      formAction={requestVerificationFormAction}
      label="Send a new confirmation link"
      submitLabel="Send a new link"
      className="mt-4"
      sent={() => (
        <p role="status" className="mt-4 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          If that address has an account waiting to be confirmed, a new link is on its way. It expires in 24 hours.
        </p>
      )}
    />
  );
}
