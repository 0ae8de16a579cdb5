'use server';

import { formAction, mailLinkAction } from '@/lib/action';
import { requestPasswordReset } from '@/lib/data/accounts/password';
import { forgotPasswordSchema } from '@/lib/schemas/account';

export const requestPasswordResetAction = mailLinkAction({ schema: forgotPasswordSchema }, requestPasswordReset);
export const requestPasswordResetFormAction = formAction(requestPasswordResetAction);
