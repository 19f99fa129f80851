import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantSuspensionLevel1796527521170 implements MigrationInterface {
  name = 'TenantSuspensionLevel1796527521170';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" ADD "suspendedByOrganizationId" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" DROP COLUMN "suspendedByOrganizationId"');
  }
}
