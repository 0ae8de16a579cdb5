import { z } from 'zod';
import { isCommonPassword } from '@/lib/common-passwords';
import { email, text } from './common';

import { PASSWORD_MAX, PASSWORD_MIN } from './limits';

export { PASSWORD_MAX, PASSWORD_MIN };

export const newPassword = z
  .string({ error: 'Choose a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((v) => !isCommonPassword(v), 'This password is too common; choose another');

export const signUpSchema = z.object({
  name: text(100, { min: 1, label: 'Name' }),
  email,
  password: newPassword,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX, 'Enter your password'),
});
export type SignInInput = z.input<typeof signInSchema>;

/**
 * A same-site path to return to after sign-in; anything else falls back to home. Only visible
 * ASCII: our own links are percent-encoded, and anything else cannot go into a Location header.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.length > 500 || !/^[\x21-\x7E]*$/.test(value)) return '/';
  return value;
}
