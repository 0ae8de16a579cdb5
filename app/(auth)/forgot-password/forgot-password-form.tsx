'use client';

import { EmailLinkForm } from '../_components/email-link-form';
import { requestPasswordResetAction, requestPasswordResetFormAction } from './actions';

export function ForgotPasswordForm() {
  return (
    <EmailLinkForm
      schema={() => import('@/lib/schemas/account').then((m) => m.forgotPasswordSchema)}
      action={requestPasswordResetAction}
      formAction={requestPasswordResetFormAction}
      label="Reset your password"
      submitLabel="Send reset link"
      className="mt-6"
      sent={(email) => (
        <div role="status" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
          <p className="font-semibold">Check your e-mail.</p>
          <p className="mt-1 text-sm">
            If {email} has a Groundwork account, a link to reset the password is on its way. It works once and expires in 1 hour.
          </p>
        </div>
      )}
    />
  );
}
