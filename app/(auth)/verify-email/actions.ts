'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { fail, publicAction } from '@/lib/action';
import { requestVerificationByEmail } from '@/lib/data/accounts';
import { clientAddress, retryMessage } from '@/lib/data/throttle';
import { resendVerificationSchema } from '@/lib/schemas/account';

export const requestVerificationAction = publicAction({ schema: resendVerificationSchema }, async (input) => {
  const result = await requestVerificationByEmail(input.email, clientAddress(await headers()), { defer: (task) => after(task) });
  if (result.status === 'throttled') return fail(`Too many requests. ${retryMessage(result.retryAfterMs)}`);
  return { sent: true };
});
