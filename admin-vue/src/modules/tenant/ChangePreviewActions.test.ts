import { describe, expect, it } from 'vitest';
import { computed, ref } from 'vue';
import type { ActionResult, FileDiff } from '../../api/models';
import { fakeApi, harness, mountWith, org } from '../../test-support/harness';
import ChangePreviewActions from './ChangePreviewActions.vue';
import type { ActionPhase } from './use-tenant-action';

const diff: FileDiff = {
  path: 'tenants/production/acme/app/config-map-theme-config.yaml',
  status: 'modified',
  patch: '@@ -1 +1 @@\n-LUSTER_APP_NAME: Acme\n+LUSTER_APP_NAME: Acme Studio\n',
};
const committed = {
  organization: org({ id: 'acme' }),
  change: {
    id: 'cr-2',
    createdAt: '2026-11-21T09:00:00Z',
    kind: 'suspend',
    state: 'committed',
    summary: 'tenant(acme): suspend',
    commitSha: '0123456789abcdef0123456789abcdef01234567',
  },
} as ActionResult;
const testids = { diff: 'the-diff', confirm: 'the-commit', result: 'the-result' };

interface Step {
  phase?: ActionPhase;
  files?: FileDiff[];
  result?: ActionResult | null;
  danger?: boolean;
  confirmLabel?: string;
  typeToConfirm?: string;
}

/** The component at one step; `nothingChanges` follows from the files, as in useTenantAction. */
function mountAt({ phase = 'preview', files = [diff], result = null, ...props }: Step) {
  const change = {
    phase: ref(phase),
    files: ref(files),
    nothingChanges: computed(() => phase === 'preview' && files.length === 0),
    result: ref(result),
  };
  return mountWith(ChangePreviewActions, harness(fakeApi()), { change, orgId: 'acme', testids, ...props });
}

describe('the preview, commit and discard steps of a tenant change', () => {
  it('shows the diff with a commit button that says what it commits', async () => {
    const wrapper = mountAt({ confirmLabel: 'Save branding' });
    expect(wrapper.find('[data-testid="the-diff"]').text()).toContain('config-map-theme-config.yaml');
    const commit = wrapper.find('[data-testid="the-commit"]');
    expect(commit.text()).toBe('Save branding');
    expect(commit.classes()).toContain('primary');
    await commit.trigger('click');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
  });

  it('commits a destructive change in the danger style, labelled by default', () => {
    const commit = mountAt({ danger: true }).find('[data-testid="the-commit"]');
    expect(commit.classes()).toContain('danger');
    expect(commit.text()).toBe('Commit this change');
  });

  it('asks for the name before a commit that destroys (a purge), and commits once it is typed', async () => {
    const wrapper = mountAt({ danger: true, typeToConfirm: 'acme', confirmLabel: 'Request the purge' });
    expect(wrapper.find('[data-testid="the-commit"]').exists()).toBe(false);
    const submit = wrapper.find('[data-testid="confirm-typing-submit"]');
    expect(submit.text()).toBe('Request the purge');
    await wrapper.find('[data-testid="confirm-typing-input"]').setValue('acm');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toBeUndefined();
    await wrapper.find('[data-testid="confirm-typing-input"]').setValue('acme');
    expect(submit.attributes('disabled')).toBeUndefined();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    await wrapper.find('[data-testid="confirm-typing-cancel"]').trigger('click');
    expect(wrapper.emitted('discard')).toHaveLength(1);
  });

  it('cannot commit a diff that changes nothing, and says so', () => {
    const wrapper = mountAt({ files: [] });
    expect(wrapper.find('[role="status"]').text()).toBe(
      'Nothing would change: the manifests already say this.',
    );
    expect(wrapper.find('[data-testid="the-commit"]').attributes('disabled')).toBeDefined();
  });

  it('cannot commit twice while the commit is on its way', () => {
    const commit = mountAt({ phase: 'applying' }).find('[data-testid="the-commit"]');
    expect(commit.text()).toBe('Committing…');
    expect(commit.attributes('disabled')).toBeDefined();
  });

  it('discards the diff on request', async () => {
    const wrapper = mountAt({});
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Discard')
      ?.trigger('click');
    expect(wrapper.emitted('discard')).toHaveLength(1);
  });

  it('shows what became of the change once committed, and nothing before a preview', async () => {
    const done = mountAt({ phase: 'done', result: committed });
    expect(done.find('[data-testid="the-diff"]').exists()).toBe(false);
    expect(done.find('[data-testid="the-result"] [data-testid="change-sha"]').text()).toBe('0123456');
    await done
      .findAll('button')
      .find((b) => b.text() === 'Done')
      ?.trigger('click');
    expect(done.emitted('discard')).toHaveLength(1);
    expect(mountAt({ phase: 'idle' }).html()).not.toContain('button');
  });
});
