import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { CatalogPlugin, CatalogTheme } from '../../api/models';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useCatalogDeletion } from './use-catalog-deletion';

const aurora: CatalogTheme = {
  name: 'aurora',
  version: '1.0.0',
  displayName: 'Aurora',
  image: 'registry.luster.io/themes/aurora:1.0.0',
  projectTypes: ['website'],
  defaultFor: [],
  available: true,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};
const forms: CatalogPlugin = {
  key: 'forms',
  name: 'Forms',
  description: '',
  defaultFor: [],
  available: true,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};

function setup(catalog: NonNullable<Parameters<typeof fakeApi>[0]>['catalog']) {
  const reload = { themes: vi.fn(async () => {}), plugins: vi.fn(async () => {}) };
  const api = fakeApi({ catalog });
  const d = withSetup(() => useCatalogDeletion(reload), harness(api, user('superadmin'))).result;
  return { d, reload };
}

describe('deleting a catalog entry', () => {
  it('deletes the theme version asked for, closes the confirmation, says so and reloads the themes', async () => {
    const deleteTheme = vi.fn(async () => undefined);
    const { d, reload } = setup({ deleteTheme });
    d.ask('theme:aurora@1.0.0');
    await d.deleteTheme(aurora);
    expect(deleteTheme).toHaveBeenCalledWith('aurora', '1.0.0');
    expect([d.deleting.value, d.deleted.value, d.error.value]).toEqual([null, 'Aurora 1.0.0', null]);
    expect(reload.themes).toHaveBeenCalledOnce();
    expect(reload.plugins).not.toHaveBeenCalled();
  });

  it('keeps the confirmation open on a refusal and lists the organizations the server named', async () => {
    const using = [{ id: 'o1', slug: 'acme', name: 'Acme' }];
    const deletePlugin = vi.fn(async () => {
      throw new ApiError(409, 'catalog_entry_in_use', 'server prose', 'req-1', { organizations: using });
    });
    const { d, reload } = setup({ deletePlugin });
    d.ask('plugin:forms');
    await d.deletePlugin(forms);
    expect(d.deleting.value).toBe('plugin:forms');
    expect(d.error.value).toContain('Organizations still use this catalog entry');
    expect(d.usedBy.value).toEqual(using);
    expect(reload.plugins).not.toHaveBeenCalled();
    // Another entry starts clean.
    d.ask('theme:aurora@1.0.0');
    expect([d.error.value, d.usedBy.value]).toEqual([null, []]);
  });
});
