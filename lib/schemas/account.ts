import { z } from 'zod';
import { PASSWORD_MAX, newPassword } from './auth';
import { checkbox, email, text } from './common';

/** A link token as we issue them: 32 random bytes in base64url. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid');

/** The password the person has now, re-entered to confirm a sensitive change. */
export const currentPassword = z
  .string({ error: 'Enter your current password' })
  .min(1, 'Enter your current password')
  .max(PASSWORD_MAX, 'Enter your current password');


export const forgotPasswordSchema = z.object({ email });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resendVerificationSchema = z.object({ email });

export const resetPasswordSchema = z.object({ token: linkToken, password: newPassword });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changeNameSchema = z.object({ name: text(100, { min: 1, label: 'Name' }) });
export type ChangeNameInput = z.input<typeof changeNameSchema>;

export const changeEmailSchema = z.object({ newEmail: email, currentPassword });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

export const changePasswordSchema = z
  .object({ currentPassword, newPassword })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({
  password: currentPassword,
  deleteSharedWorkspaces: checkbox,
});
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;

export const sessionIdSchema = z.object({ sessionId: z.string().uuid('Not a valid session') });
