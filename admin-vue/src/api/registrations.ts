import type { Http } from './http';
import type { RegistrationInput } from './models';

/** Self-service sign-up (public). */
export function registrationsApi(http: Http) {
  return {
    create: (input: RegistrationInput) => http.call('post', '/registrations', { body: input, auth: false }),
  };
}
