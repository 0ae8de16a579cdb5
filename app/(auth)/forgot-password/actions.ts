'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { fail, formAction, publicAction } from '@/lib/action';
import { requestPasswordReset } from '@/lib/data/accounts/password';
import { clientAddress, retryMessage } from '@/lib/data/throttle';
import { forgotPasswordSchema } from '@/lib/schemas/account';

// The lookup and the mail run after the response, so known and unknown addresses answer alike and as fast.
export const requestPasswordResetAction = publicAction({ schema: forgotPasswordSchema }, async (input) => {
  const result = await requestPasswordReset(input.email, clientAddress(await headers()), { defer: (task) => after(task) });
  if (result.status === 'throttled') return fail(`Too many requests. ${retryMessage(result.retryAfterMs)}`);
  return { sent: true };
});
export const requestPasswordResetFormAction = formAction(requestPasswordResetAction);
