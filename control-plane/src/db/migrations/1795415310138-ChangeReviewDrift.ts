import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeReviewDrift1795415310138 implements MigrationInterface {
  name = 'ChangeReviewDrift1795415310138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tenant_drift" ("tenantId" uuid NOT NULL, "sha" text NOT NULL, "files" jsonb NOT NULL, "detectedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a8e8fe964e6bd97c7610aa76d25" PRIMARY KEY ("tenantId"))',
    );
    await queryRunner.query('ALTER TABLE "change_request" ADD "target" text NOT NULL DEFAULT \'main\'');
    await queryRunner.query(
      'ALTER TABLE "change_request" ADD "tenantIds" uuid array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query('ALTER TABLE "change_request" ADD "approvals" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "change_request" ADD "rejectedById" uuid');
    await queryRunner.query('ALTER TABLE "change_request" ADD "rejectionReason" text');
    await queryRunner.query('ALTER TABLE "change_request" ADD "externalApprover" text');
    await queryRunner.query('ALTER TABLE "change_request" ADD "branchSha" text');
    await queryRunner.query('ALTER TABLE "change_request" ADD "pullRequest" jsonb');
    await queryRunner.query('ALTER TABLE "change_request" ADD "tenantSnapshot" jsonb');
    await queryRunner.query('ALTER TABLE "change_request" ADD "revertOf" uuid');
    await queryRunner.query('ALTER TABLE "change_request" ADD "purgeStage" text');
    await queryRunner.query(
      'ALTER TABLE "tenant_drift" ADD CONSTRAINT "FK_a8e8fe964e6bd97c7610aa76d25" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant_drift" DROP CONSTRAINT "FK_a8e8fe964e6bd97c7610aa76d25"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "purgeStage"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "revertOf"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "tenantSnapshot"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "pullRequest"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "branchSha"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "externalApprover"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "rejectionReason"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "rejectedById"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "approvals"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "tenantIds"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "target"');
    await queryRunner.query('DROP TABLE "tenant_drift"');
  }
}
