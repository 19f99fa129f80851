import type { Mail } from '../mail/mailer.js';

/** Not a password hash, so no password verifies until the invitation sets one. */
export const NO_PASSWORD = '!invited';

/**
 * The invitation mail, first sent and resent alike. A new account gets the link that chooses its
 * password (`token`); an existing account is told to sign in, where it accepts or declines.
 */
export function invitationMail(input: {
  publicUrl: string;
  to: string;
  inviter: string;
  organizationName: string;
  role: string;
  token: string | null;
}): Mail {
  const invitedLine = `${input.inviter} invited you to ${input.organizationName} as ${input.role}.`;
  return {
    kind: 'invitation',
    to: input.to,
    subject: `You are invited to ${input.organizationName} on Luster`,
    text: (input.token
      ? [
          invitedLine,
          '',
          `Accept and choose a password: ${input.publicUrl}/accept-invitation?token=${input.token}`,
          '',
          `Token: ${input.token}`,
        ]
      : [invitedLine, '', `Sign in to accept or decline it: ${input.publicUrl}`]
    ).join('\n'),
  };
}
