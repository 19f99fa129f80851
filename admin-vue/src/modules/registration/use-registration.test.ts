import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { RegistrationInput } from '../../api/models';
import { fakeApi, harness, withSetup } from '../../test-support/harness';
import { useRegistration } from './use-registration';

function setup(create: (input: RegistrationInput) => Promise<unknown>) {
  const api = fakeApi({ registrations: { create: vi.fn(create) as never } });
  return { api, r: withSetup(() => useRegistration(), harness(api)).result };
}

function fillValid(r: ReturnType<typeof useRegistration>) {
  r.form.organizationName = 'Café Müller';
  r.form.email = 'owner@cafe.test';
  r.form.password = 'correct-horse-battery';
}

describe('the registration wizard', () => {
  it('previews the slug live from the organization name, until the person edits it', () => {
    const { r } = setup(async () => ({}));
    r.form.organizationName = 'Café Müller & Sons';
    expect(r.slug.value).toBe('cafe-muller-sons');
    r.form.customSlug = 'cafe';
    r.form.organizationName = 'Something else';
    expect(r.slug.value).toBe('cafe');
  });

  it('asks the agency survey only of agencies', () => {
    const { r } = setup(async () => ({}));
    expect(r.steps.value).not.toContain('survey');
    r.form.accountType = 'agency';
    expect(r.steps.value).toContain('survey');
  });

  it('stays on a step whose fields are invalid and explains why', () => {
    const { r } = setup(async () => ({}));
    r.next(); // account
    r.next(); // project
    expect(r.step.value).toBe('organization');
    expect(r.fieldError('organizationName')).toBeNull();
    expect(r.next()).toBe(false);
    expect(r.step.value).toBe('organization');
    expect(r.fieldError('organizationName')).toBe('Enter the organization name.');
  });

  it('sends what the server expects: the derived slug, the demo-data choice, the survey for agencies', async () => {
    const { api, r } = setup(async () => ({
      organization: { id: 'o', slug: 'cafe-muller', state: 'pending_review' },
    }));
    r.form.accountType = 'agency';
    fillValid(r);
    r.form.survey.clientCount = '6–20';
    r.form.seedDemoData = false;
    await r.submit();
    expect(api.registrations.create).toHaveBeenCalledWith({
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Café Müller',
      slug: 'cafe-muller',
      email: 'owner@cafe.test',
      password: 'correct-horse-battery',
      seedDemoData: false,
      agencySurvey: { clientCount: '6–20', website: '', services: '', notes: '' },
    });
    expect(r.result.value?.organization.state).toBe('pending_review');
  });

  it('shows a taken slug under the slug field and returns to its step', async () => {
    const { r } = setup(async () => {
      throw new ApiError(409, 'slug_taken', 'taken', 'req', { field: 'slug', slug: 'cafe-muller' });
    });
    fillValid(r);
    r.step.value = 'review';
    await r.submit();
    expect(r.step.value).toBe('organization');
    expect(r.fieldError('slug')).toBe('This address is already taken. Choose another one.');
    r.clearServerError('slug');
    expect(r.fieldError('slug')).toBeNull();
  });

  it('maps validation issues from the API onto their fields', async () => {
    const { r } = setup(async () => {
      throw new ApiError(400, 'invalid_input', 'bad', 'req', {
        issues: [{ path: 'body.email', message: 'Invalid email address' }],
      });
    });
    fillValid(r);
    r.step.value = 'review';
    await r.submit();
    expect(r.step.value).toBe('details');
    expect(r.fieldError('email')).toBe('Invalid email address.');
  });

  it('refuses to submit until every step is valid, starting with the first invalid one', async () => {
    const { api, r } = setup(async () => ({}));
    r.form.organizationName = 'Acme';
    r.step.value = 'review';
    await r.submit();
    expect(r.step.value).toBe('details');
    expect(api.registrations.create).not.toHaveBeenCalled();
  });
});
