import { describe, expect, it, vi } from 'vitest';
import { nextTick, shallowRef } from 'vue';
import { ApiError } from '../../api';
import type { ActionPreview, Branding } from '../../api/models';
import { fakeApi, harness, org, withSetup } from '../../test-support/harness';

type FakeOrganizations = NonNullable<NonNullable<Parameters<typeof fakeApi>[0]>['organizations']>;

import { useBranding } from './use-branding';

const diff = {
  path: 'tenants/production/acme/app/config-map-theme-config.yaml',
  status: 'modified' as const,
  patch: '@@ -1 +1 @@\n-LUSTER_APP_NAME: Acme\n+LUSTER_APP_NAME: Acme Studio\n',
};
const committed = {
  id: 'cr-1',
  kind: 'update',
  summary: 'tenant(acme): branding appName',
  state: 'committed',
  commitSha: '0123456789abcdef0123456789abcdef01234567',
  createdAt: '2026-11-20T10:00:00Z',
} as const;

function setup(branding: Branding | null, parts: FakeOrganizations = {}) {
  const current = shallowRef(org({ id: 'acme', branding }));
  const onApplied = vi.fn();
  const api = fakeApi({ organizations: parts });
  const b = withSetup(() => useBranding(() => current.value, onApplied), harness(api)).result;
  return { b, current, onApplied };
}

const previews = () => vi.fn(async () => ({ files: [diff] }));
const refused = (details: Record<string, unknown>, code = 'invalid_input', status = 400) =>
  vi.fn(async () => {
    throw new ApiError(status, code, 'server prose', 'req-1', details);
  });

describe('the branding form', () => {
  it('starts from the saved branding and offers no save until something changed', async () => {
    const preview = previews();
    const { b } = setup({ appName: 'Acme', primaryColor: '#112233' }, { preview });
    expect(b.form.appName).toBe('Acme');
    expect(b.form.primaryColor).toBe('#112233');
    expect(b.form.logoUrl).toBe('');
    expect(b.canPreview.value).toBe(false);
    await b.preview();
    expect(preview).not.toHaveBeenCalled();
    b.form.appName = 'Acme Studio';
    expect(b.canPreview.value).toBe(true);
    b.form.appName = ' Acme ';
    expect(b.canPreview.value).toBe(false);
  });

  it('shows the diff of the whole new branding, then commits exactly that', async () => {
    const preview = previews();
    const apply = vi.fn(async () => ({ change: committed }));
    const { b, onApplied } = setup({ appName: 'Acme', footerText: 'Old footer' }, { preview, apply });
    b.form.appName = ' Acme Studio ';
    b.form.primaryColor = '#1A2B3C';
    b.form.footerText = '';
    await b.preview();
    const sent = { kind: 'update', patch: { branding: { appName: 'Acme Studio', primaryColor: '#1A2B3C' } } };
    expect(preview).toHaveBeenCalledWith('acme', sent);
    expect(b.phase.value).toBe('preview');
    expect(b.files.value).toEqual([diff]);
    expect(apply).not.toHaveBeenCalled();
    await b.confirm();
    expect(apply).toHaveBeenCalledWith('acme', sent);
    expect(b.phase.value).toBe('done');
    expect(b.result.value?.change?.commitSha).toBe(committed.commitSha);
    expect(onApplied).toHaveBeenCalledWith({ change: committed });
  });

  it('is busy, and offers no second save, while the diff is rendered', async () => {
    let answer!: (p: ActionPreview) => void;
    const preview = vi.fn(() => new Promise<ActionPreview>((resolve) => (answer = resolve)));
    const { b } = setup({}, { preview });
    b.form.appName = 'Acme';
    const first = b.preview();
    expect(b.busy.value).toBe(true);
    expect(b.canPreview.value).toBe(false);
    await b.preview();
    expect(preview).toHaveBeenCalledTimes(1);
    answer({ baseSha: null, files: [diff] });
    await first;
    expect(b.busy.value).toBe(false);
  });

  it('refuses an invalid colour beside its field without asking the server', async () => {
    const preview = previews();
    const { b } = setup({}, { preview });
    b.form.primaryColor = 'blue';
    b.form.appName = 'Acme';
    await b.preview();
    expect(preview).not.toHaveBeenCalled();
    expect(b.problems.value).toEqual({ primaryColor: 'Must be a hex color such as #1a2b3c.' });
    b.edited('primaryColor');
    expect(b.problems.value).toEqual({});
    b.check('primaryColor');
    expect(b.problems.value.primaryColor).toBe('Must be a hex color such as #1a2b3c.');
    b.form.primaryColor = '#00f';
    b.edited('primaryColor');
    b.check('primaryColor');
    expect(b.problems.value).toEqual({});
  });

  it('says a refusal of the server beside the field it names, and keeps what was typed', async () => {
    const preview = refused({
      issues: [
        { path: 'body.branding.logoUrl', message: 'branding.logoUrl must be an https URL' },
        { path: 'body.branding.supportEmail', message: 'Invalid email address' },
      ],
    });
    const { b } = setup({}, { preview });
    b.form.logoUrl = 'https://cdn.acme.test/logo.svg';
    await b.preview();
    expect(b.problems.value).toEqual({
      logoUrl: 'Must be an https URL.',
      supportEmail: 'Invalid email address.',
    });
    expect(b.error.value).toBeNull();
    expect(b.phase.value).toBe('idle');
    expect(b.form.logoUrl).toBe('https://cdn.acme.test/logo.svg');
  });

  it('says a refusal naming no field above the form', async () => {
    const { b } = setup({}, { preview: refused({}, 'invalid_state', 409) });
    b.form.appName = 'Acme';
    await b.preview();
    expect(b.problems.value).toEqual({});
    expect(b.error.value).toBe('This action is not possible in the current state. Reload to see the latest.');
  });

  it('removes the branding by sending {}, after showing what that changes', async () => {
    const preview = previews();
    const apply = vi.fn(async () => ({ change: committed }));
    const { b } = setup({ appName: 'Acme' }, { preview, apply });
    expect(b.hasBranding.value).toBe(true);
    await b.remove();
    expect(preview).toHaveBeenCalledWith('acme', { kind: 'update', patch: { branding: {} } });
    expect(b.removing.value).toBe(true);
    await b.confirm();
    expect(apply).toHaveBeenCalledWith('acme', { kind: 'update', patch: { branding: {} } });
  });

  it('offers no removal when there is no branding', async () => {
    const preview = previews();
    const { b } = setup({}, { preview });
    expect(b.hasBranding.value).toBe(false);
    await b.remove();
    expect(preview).not.toHaveBeenCalled();
  });

  it('drops a diff on screen as soon as the form says something else', async () => {
    const apply = vi.fn();
    const { b } = setup({}, { preview: previews(), apply });
    b.form.appName = 'Acme';
    await b.preview();
    expect(b.phase.value).toBe('preview');
    b.form.appName = 'Acme Studio';
    await nextTick();
    expect(b.phase.value).toBe('idle');
    await b.confirm();
    expect(apply).not.toHaveBeenCalled();
  });

  it('starts again from a newly saved branding, but keeps edits over a reload of the same one', async () => {
    const { b, current } = setup({ appName: 'Acme' });
    b.form.accentColor = '#ff8800';
    current.value = org({ id: 'acme', branding: { appName: 'Acme' } });
    await nextTick();
    expect(b.form.accentColor).toBe('#ff8800');
    current.value = org({ id: 'acme', branding: { appName: 'Acme Studio', primaryColor: '#123456' } });
    await nextTick();
    expect(b.form).toMatchObject({ appName: 'Acme Studio', primaryColor: '#123456', accentColor: '' });
    expect(b.changed.value).toBe(false);
  });

  it('previews the look with valid values only', () => {
    const { b } = setup({});
    b.form.appName = 'Acme';
    b.form.primaryColor = '#ffffff';
    b.form.accentColor = 'not-a-colour';
    expect(b.look.value.appName).toBe('Acme');
    expect(b.look.value.style).toEqual({ '--brand': '#ffffff', '--brand-contrast': '#000000' });
  });
});
