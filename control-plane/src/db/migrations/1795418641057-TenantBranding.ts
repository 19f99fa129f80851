import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantBranding1795418641057 implements MigrationInterface {
  name = 'TenantBranding1795418641057';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" ADD "branding" jsonb NOT NULL DEFAULT \'{}\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" DROP COLUMN "branding"');
  }
}
