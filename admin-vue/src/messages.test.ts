import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorMessage, fieldErrors } from './messages';

describe('errorMessage: the one place codes become sentences', () => {
  it.each([
    ['invalid_credentials', 'That email and password do not match an account.'],
    ['slug_taken', 'This address is already taken. Choose another one.'],
    ['forbidden', 'You do not have permission to do this.'],
    ['session_expired', 'Your session has expired. Please sign in again.'],
  ])('%s', (code, sentence) => {
    expect(errorMessage(new ApiError(400, code, 'server prose'))).toBe(sentence);
  });

  it("uses the server's message for a code it does not know yet", () => {
    expect(errorMessage(new ApiError(409, 'brand_new_code', 'The server explains it'))).toBe(
      'The server explains it',
    );
  });

  it('hides internal errors behind a generic sentence with the request id', () => {
    const text = errorMessage(new ApiError(500, 'internal', 'stack trace…', 'req-42'));
    expect(text).toContain('Something went wrong on our side');
    expect(text).toContain('req-42');
    expect(text).not.toContain('stack');
  });

  it('says how long to wait when rate limited', () => {
    expect(errorMessage(new ApiError(429, 'rate_limited', '', undefined, { retryAfterSeconds: 30 }))).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
  });

  it('names the strongest role one may grant when a role is too high', () => {
    expect(
      errorMessage(
        new ApiError(403, 'role_too_high', 'You may grant roles up to client_admin here', undefined, {
          role: 'agency_admin',
          yours: 'client_admin',
        }),
      ),
    ).toBe('You can only grant roles up to Client admin here.');
  });

  it('has a sentence for anything that is not an API error', () => {
    expect(errorMessage(new TypeError('x'))).toMatch(/unexpected/);
  });
});

describe('fieldErrors', () => {
  it('maps validation issues to fields, without the body./query. prefix', () => {
    const error = new ApiError(400, 'invalid_input', 'bad', undefined, {
      issues: [
        { path: 'body.password', message: 'must be at least 12 characters' },
        { path: 'body.email', message: 'Invalid email address' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      password: 'Must be at least 12 characters.',
      email: 'Invalid email address.',
    });
  });

  it('maps the issues inside one object to its fields, without the name the message starts with', () => {
    const error = new ApiError(400, 'invalid_input', 'bad', undefined, {
      issues: [
        {
          path: 'body.branding.primaryColor',
          message: 'branding.primaryColor must be a hex color such as #1a2b3c',
        },
        { path: 'body.branding.supportEmail', message: 'Invalid email address' },
        { path: 'body.reason', message: 'Too big' },
      ],
    });
    expect(fieldErrors(error, 'branding')).toEqual({
      primaryColor: 'Must be a hex color such as #1a2b3c.',
      supportEmail: 'Invalid email address.',
    });
    expect(fieldErrors(error)).toEqual({
      branding: 'Must be a hex color such as #1a2b3c.',
      reason: 'Too big.',
    });
  });

  it('names the field of a conflict by its code or details', () => {
    expect(fieldErrors(new ApiError(409, 'slug_taken', '', undefined, { field: 'slug' }))).toEqual({
      slug: 'This address is already taken. Choose another one.',
    });
    expect(fieldErrors(new ApiError(409, 'email_taken', ''))).toEqual({
      email: 'An account with this email already exists. Sign in instead.',
    });
    expect(fieldErrors(new ApiError(409, 'already_member', '', undefined, { email: 'a@b.c' }))).toEqual({
      email: 'This person is already a member of this organization.',
    });
  });
});
