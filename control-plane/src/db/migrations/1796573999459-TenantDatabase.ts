import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantDatabase1796573999459 implements MigrationInterface {
  name = 'TenantDatabase1796573999459';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" ADD "database" jsonb NOT NULL DEFAULT \'{"name":"db"}\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" DROP COLUMN "database"');
  }
}
