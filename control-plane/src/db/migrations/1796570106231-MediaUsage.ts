import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * media_usage: each organization's recorded bytes, kept by statement-level triggers with transition
 * tables (one UPDATE per statement and organization, however many rows it touched), so every path
 * that writes media_object — recording an upload, deleting, reconciling with S3, purging, a bulk
 * insert — keeps the total without knowing about it. An INSERT … ON CONFLICT DO UPDATE fires the
 * INSERT trigger with the inserted rows and the UPDATE trigger with the updated ones.
 */
export class MediaUsage1796570106231 implements MigrationInterface {
  name = 'MediaUsage1796570106231';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "media_usage" ("organizationId" uuid NOT NULL, "bytes" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_1922974870b4f81345144d4b63d" PRIMARY KEY ("organizationId"))',
    );
    for (const [event, delta] of [
      ['INSERT', 'SELECT "organizationId", sum(size) AS bytes FROM new_rows GROUP BY 1'],
      ['DELETE', 'SELECT "organizationId", -sum(size) AS bytes FROM old_rows GROUP BY 1'],
      [
        'UPDATE',
        `SELECT "organizationId", sum(bytes) AS bytes FROM (
           SELECT "organizationId", size AS bytes FROM new_rows
           UNION ALL SELECT "organizationId", -size FROM old_rows) d GROUP BY 1`,
      ],
    ] as const) {
      const name = `media_usage_on_${event.toLowerCase()}`;
      const tables =
        event === 'INSERT'
          ? 'NEW TABLE AS new_rows'
          : event === 'DELETE'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- Ordered by organization: two statements touching the same organizations lock their rows in one order.
          INSERT INTO media_usage ("organizationId", bytes) ${delta} ORDER BY 1
            ON CONFLICT ("organizationId") DO UPDATE SET bytes = media_usage.bytes + excluded.bytes;
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON media_object REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await queryRunner.query(
      'INSERT INTO media_usage ("organizationId", bytes) SELECT "organizationId", sum(size) FROM media_object GROUP BY 1',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER media_usage_on_${event} ON media_object`);
      await queryRunner.query(`DROP FUNCTION media_usage_on_${event}()`);
    }
    await queryRunner.query('DROP TABLE "media_usage"');
  }
}
