/**
 * Generates a migration from the difference between the entities and the schema
 * the existing migrations produce, on a throwaway embedded PostgreSQL:
 *   npm run migration:generate -w control-plane -- AddTenants
 * The new file lands in src/db/migrations/ and is appended to its index.
 */

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDataSource } from '../src/db/data-source.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/logger.js';

const execFileAsync = promisify(execFile);
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('usage: migration:generate <PascalCaseName>\n');
  process.exit(2);
}
const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/db/migrations');
const tmp = await mkdtemp(path.join(os.tmpdir(), 'luster-migrate-'));
const db = await startEmbeddedPostgres(path.join(tmp, 'pg'), createLogger('warn'));
try {
  const ds = createDataSource(db.url);
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    process.stdout.write('No changes: the entities match the migrations.\n');
  } else {
    // Keep file order = run order even if an earlier migration carries a later timestamp.
    const existing = (await readFile(path.join(migrationsDir, 'index.ts'), 'utf8')).matchAll(/'\.\/(\d+)-/g);
    const latest = Math.max(0, ...[...existing].map((m) => Number(m[1])));
    const timestamp = Math.max(Date.now(), latest + 1);
    const className = `${name}${timestamp}`;
    const q = (query: { query: string; parameters?: unknown[] }) =>
      `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(q).join('\n')}
  }
}
`;
    const fileName = `${timestamp}-${name}`;
    await writeFile(path.join(migrationsDir, `${fileName}.ts`), file);
    const indexPath = path.join(migrationsDir, 'index.ts');
    const index = await readFile(indexPath, 'utf8');
    const imports = [...index.matchAll(/^import .*$/gm)].map((m) => m[0]);
    const names = [...index.matchAll(/^import \{ (\w+) \}/gm)].map((m) => m[1]);
    imports.push(`import { ${className} } from './${fileName}.js';`);
    names.push(className);
    await writeFile(
      indexPath,
      `${imports.join('\n')}\n\n/** Every migration, in order; \`npm run migration:generate -w control-plane -- <Name>\` appends here. */\nexport const migrations = [${names.join(', ')}];\n`,
    );
    await execFileAsync('npx', ['biome', 'check', '--write', migrationsDir]);
    process.stdout.write(`Wrote src/db/migrations/${fileName}.ts — review it before committing.\n`);
  }
} finally {
  await db.stop();
  await rm(tmp, { recursive: true, force: true });
}
