import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeTenantBefore1796527600000 implements MigrationInterface {
  name = 'ChangeTenantBefore1796527600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "change_request" ADD "tenantBefore" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "tenantBefore"');
  }
}
