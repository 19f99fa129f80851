import type { Mail } from '../mail/mailer.js';

/** The mail that confirms an address: sent on registration and again on request. */
export function verificationMail(publicUrl: string, to: string, token: string): Mail {
  return {
    kind: 'verify_email',
    to,
    subject: 'Confirm your email address for Luster',
    text: [
      'Welcome to Luster! Confirm your email address:',
      `${publicUrl}/verify-email?token=${token}`,
      '',
      `Token: ${token}`,
    ].join('\n'),
  };
}

/** The one-time link to choose a new password; says what to do when it was not asked for. */
export function passwordResetMail(publicUrl: string, to: string, token: string): Mail {
  return {
    kind: 'password_reset',
    to,
    subject: 'Reset your Luster password',
    text: [
      'Someone (we hope you) asked to reset the password of your Luster account.',
      'Choose a new one within the hour with this link (it works once):',
      `${publicUrl}/reset-password?token=${token}`,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}
