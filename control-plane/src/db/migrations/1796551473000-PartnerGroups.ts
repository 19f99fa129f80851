import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerGroups1796551473000 implements MigrationInterface {
  name = 'PartnerGroups1796551473000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE \"organization\" ADD CONSTRAINT \"organization_kind\" CHECK (\"kind\" IN ('platform', 'partner_group', 'agency', 'organization'))",
    );
    await queryRunner.query(
      "ALTER TABLE \"membership\" ADD CONSTRAINT \"membership_role\" CHECK (\"role\" IN ('superadmin', 'group_admin', 'agency_admin', 'client_admin', 'editor', 'viewer'))",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "membership_role"');
    await queryRunner.query('ALTER TABLE "organization" DROP CONSTRAINT "organization_kind"');
  }
}
