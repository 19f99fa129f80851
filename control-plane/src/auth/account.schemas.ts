import { z } from 'zod';
import { personName, text } from '../http/text.js';
import { email, password } from './auth.schemas.js';

export const passwordResetBody = z.strictObject({ email });
export const passwordResetConfirmBody = z.strictObject({
  token: text().min(1).max(200).meta({ description: 'From the link in the reset mail' }),
  password,
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export const updateMeBody = z.strictObject({
  name: personName().meta({ description: 'Shown to other members and as the author of your commits' }),
});
