import { z } from 'zod';

/** Emails are trimmed and lower-cased before validation, as stored. */
export const ZEmail = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/** A new password: long rather than complex (NIST SP 800-63B recommends length over composition rules). */
export const ZNewPassword = z.string().min(12, 'accounts.error.passwordTooShort').max(200);

export const ZSignup = z.object({
  name: z.string().trim().min(1).max(120),
  email: ZEmail,
  password: ZNewPassword,
  /** The monthly digest, offered ticked at sign-up: an unticked box sends nothing, which means no. */
  digest: z.literal('1').optional(),
});
export type TSignup = z.infer<typeof ZSignup>;

export const ZLogin = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

export const ZForgot = z.object({ email: ZEmail });

export const ZReset = z.object({ password: ZNewPassword });

export const ZAccountSettings = z.object({
  name: z.string().trim().min(1).max(120),
  locale: z.enum(['fr', 'en']),
  // An unchecked checkbox is simply absent from the form.
  digest_opt_in: z.literal('1').optional(),
});

export const ZChangePassword = z.object({ current_password: z.string().min(1).max(200), new_password: ZNewPassword });

export const ZTokenName = z.object({ token_name: z.string().trim().min(1).max(80) });

/** Only same-site paths may follow a login, so the form cannot be used as an open redirect. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/dashboard';
}
