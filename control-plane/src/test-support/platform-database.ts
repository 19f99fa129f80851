import type { DataSource } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import { createDataSource } from '../db/data-source.js';
import { createTestDatabase } from './database.js';

/**
 * A database of its own, migrated, holding only the platform organization (the root every other
 * organization hangs under), for tests that drive services on a DataSource without a server.
 * `maxConnections` widens the pool for tests that run many transactions at the same time.
 */
export async function platformDatabase(prefix: string, { maxConnections }: { maxConnections?: number } = {}) {
  const db = await createTestDatabase(prefix);
  const dataSource: DataSource = createDataSource(db.url);
  if (maxConnections) dataSource.setOptions({ extra: { max: maxConnections } });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const platform = await dataSource.manager.save(
    dataSource.manager.create(Organization, {
      slug: 'platform',
      name: 'Platform',
      kind: 'platform',
      path: '',
    }),
  );
  // The path holds the id, known only once the row is saved (bootstrap/seed-admin.ts does the same).
  platform.path = `/${platform.id}/`;
  await dataSource.manager.save(platform);
  return {
    dataSource,
    platform,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
