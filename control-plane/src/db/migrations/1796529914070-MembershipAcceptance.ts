import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipAcceptance1796529914070 implements MigrationInterface {
  name = 'MembershipAcceptance1796529914070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "membership" ADD "acceptedAt" TIMESTAMP WITH TIME ZONE DEFAULT now()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "membership" DROP COLUMN "acceptedAt"');
  }
}
