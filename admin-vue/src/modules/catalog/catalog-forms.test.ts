import { describe, expect, it } from 'vitest';
import type { CatalogTheme } from '../../api/models';
import { effectiveDefaults, pluginBody, themeBody, themeForm } from './catalog-forms';

const theme = (over: Partial<CatalogTheme> & Pick<CatalogTheme, 'name' | 'version'>): CatalogTheme => ({
  displayName: over.name,
  image: `registry.luster.io/themes/${over.name}:${over.version}`,
  projectTypes: ['website', 'ecommerce'],
  defaultFor: [],
  available: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the catalog forms', () => {
  it('saves an edited version with the defaults it had, so a save never drops them', () => {
    const starter = theme({ name: 'luster-starter', version: '1.5.0', defaultFor: ['website'] });
    const form = themeForm(starter);
    form.displayName = '  Luster Starter Next ';
    expect(themeBody(form)).toEqual({
      displayName: 'Luster Starter Next',
      image: 'registry.luster.io/themes/luster-starter:1.5.0',
      projectTypes: ['website', 'ecommerce'],
      defaultFor: ['website'],
      available: true,
    });
    // The form's copy is its own: editing it leaves the listed theme alone.
    form.defaultFor.push('ecommerce');
    expect(starter.defaultFor).toEqual(['website']);
  });

  it('drops a default for a project type the version is no longer made for', () => {
    const form = themeForm(theme({ name: 'shop', version: '2.0.0', defaultFor: ['website', 'ecommerce'] }));
    form.projectTypes = ['ecommerce'];
    expect(themeBody(form).defaultFor).toEqual(['ecommerce']);
  });

  it('trims what a plugin form saves and keeps its defaults and availability', () => {
    expect(
      pluginBody({
        key: 'newsletter',
        name: ' Newsletter ',
        description: ' Mails to subscribers\n',
        defaultFor: ['website'],
        available: false,
        isNew: true,
      }),
    ).toEqual({
      name: 'Newsletter',
      description: 'Mails to subscribers',
      defaultFor: ['website'],
      available: false,
    });
  });

  it('names the version new tenants get as the server picks it: first theme by name, newest listed version, never a withdrawn one', () => {
    const listed = [
      theme({ name: 'zeta', version: '3.0.0', defaultFor: ['website'] }),
      theme({ name: 'alpha', version: '2.0.0', defaultFor: ['website'], available: false }),
      theme({ name: 'alpha', version: '1.9.0', defaultFor: ['website', 'ecommerce'] }),
      theme({ name: 'alpha', version: '1.0.0', defaultFor: ['website'] }),
    ];
    const defaults = effectiveDefaults(listed);
    expect(defaults.get('website')).toBe(listed[2]);
    expect(defaults.get('ecommerce')).toBe(listed[2]);
    expect(effectiveDefaults([listed[0] as CatalogTheme]).get('website')).toBe(listed[0]);
    expect(effectiveDefaults([]).size).toBe(0);
  });
});
