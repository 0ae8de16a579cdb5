'use server';

import { fail, formAction, publicAction } from '@/lib/action';
import { resetPasswordWithToken } from '@/lib/data/accounts/password';
import { resetPasswordSchema } from '@/lib/schemas/account';

export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (input) => {
  const result = await resetPasswordWithToken(input.token, input.password);
  if (!result.ok) return fail('This reset link has expired or was already used. Ask for a new one.');
  return { redirectTo: '/signin?notice=reset' };
});
export const resetPasswordFormAction = formAction(resetPasswordAction, { redirectTo: (data) => data.redirectTo });
