import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (data, not schema): the first theme and plugin catalog. Superadmins edit it later
 * through the catalog API; `ON CONFLICT DO NOTHING` keeps their edits if this ever runs again.
 * Images are pinned by tag and digest in the registry synth accepts by default.
 */
const themes = [
  {
    name: 'luster-starter',
    version: '1.4.0',
    displayName: 'Luster Starter',
    image:
      'registry.luster.io/themes/luster-starter:1.4.0@sha256:c5e4fa9d936cb3aca930079da559ba083e55a1ac67afcb90636042e71af04dd8',
    projectTypes: ['website', 'ecommerce'],
    defaultFor: ['website'],
  },
  {
    name: 'luster-starter',
    version: '1.5.0',
    displayName: 'Luster Starter',
    image:
      'registry.luster.io/themes/luster-starter:1.5.0@sha256:0c56c508a59eae3fb074740a1d795c4205d65b8c004e1bfa77491d9618facb55',
    projectTypes: ['website', 'ecommerce'],
    defaultFor: ['website'],
  },
  {
    name: 'luster-ecommerce-starter',
    version: '2.0.1',
    displayName: 'Luster E-commerce Starter',
    image:
      'registry.luster.io/themes/luster-ecommerce-starter:2.0.1@sha256:fadf90ef5b3fee23a2e9ac373bc0cf42c8b595db27d6049c66b1cb0984bbdcbb',
    projectTypes: ['ecommerce'],
    defaultFor: ['ecommerce'],
  },
];

const plugins = [
  {
    key: 'seo-assistant',
    name: 'SEO Assistant',
    description: 'Titles, meta tags, sitemaps',
    defaultFor: ['website', 'ecommerce'],
  },
  { key: 'ecommerce', name: 'E-commerce', description: 'Shop, products, orders', defaultFor: ['ecommerce'] },
  {
    key: 'linkedin-publisher',
    name: 'LinkedIn Publisher',
    description: 'Scheduled LinkedIn posts',
    defaultFor: [],
  },
  { key: 'calendar', name: 'Calendar', description: 'Events', defaultFor: [] },
  { key: 'analytics', name: 'Analytics', description: 'Privacy-friendly visitor statistics', defaultFor: [] },
  { key: 'forms', name: 'Forms', description: 'Contact and custom forms', defaultFor: [] },
];

export class SeedCatalog1795413300000 implements MigrationInterface {
  name = 'SeedCatalog1795413300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of themes) {
      await queryRunner.query(
        `INSERT INTO "theme_version" ("name", "version", "displayName", "image", "projectTypes", "defaultFor")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [t.name, t.version, t.displayName, t.image, t.projectTypes, t.defaultFor],
      );
    }
    for (const p of plugins) {
      await queryRunner.query(
        `INSERT INTO "plugin" ("key", "name", "description", "defaultFor") VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [p.key, p.name, p.description, p.defaultFor],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "plugin" WHERE "key" = ANY($1)', [plugins.map((p) => p.key)]);
    for (const t of themes) {
      await queryRunner.query('DELETE FROM "theme_version" WHERE "name" = $1 AND "version" = $2', [
        t.name,
        t.version,
      ]);
    }
  }
}
