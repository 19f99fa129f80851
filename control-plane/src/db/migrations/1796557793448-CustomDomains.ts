import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomDomains1796557793448 implements MigrationInterface {
  name = 'CustomDomains1796557793448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "custom_domain" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "hostname" text NOT NULL, "token" text NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "ownershipStatus" text NOT NULL DEFAULT \'pending\', "ownershipDetail" text NOT NULL DEFAULT \'Not checked yet\', "targetStatus" text NOT NULL DEFAULT \'pending\', "targetFound" text, "targetDetail" text NOT NULL DEFAULT \'Not checked yet\', "certificateStatus" text NOT NULL DEFAULT \'pending\', "certificateDetail" text NOT NULL DEFAULT \'Requested once ownership and the DNS target are verified\', "addedById" uuid, "lastCheckedAt" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "nextCheckAt" TIMESTAMP WITH TIME ZONE NOT NULL, "leaseUntil" TIMESTAMP WITH TIME ZONE, "missingSince" TIMESTAMP WITH TIME ZONE, "flaggedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_33fc4105efda814a0f0bf174d30" UNIQUE ("hostname"), CONSTRAINT "PK_76b2cc5a1514eeffc66184c922a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2bd703560dddfe29d8940d9a75" ON "custom_domain"  ("organizationId") ',
    );
    await queryRunner.query('CREATE INDEX "custom_domain_due" ON "custom_domain"  ("nextCheckAt") ');
    await queryRunner.query(
      'CREATE TABLE "custom_domain_check" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "domainId" uuid NOT NULL, "checkedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL, "ownership" text NOT NULL, "ownershipDetail" text NOT NULL, "target" text NOT NULL, "targetDetail" text NOT NULL, CONSTRAINT "PK_fee22ddefa51e43bf2505032bea" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "custom_domain_check_domain_time" ON "custom_domain_check"  ("domainId", "checkedAt") ',
    );
    await queryRunner.query('ALTER TABLE "tenant" ADD "customDomains" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "tenant" ADD "primaryDomain" text');
    await queryRunner.query(
      'ALTER TABLE "custom_domain" ADD CONSTRAINT "FK_2bd703560dddfe29d8940d9a757" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "custom_domain_check" ADD CONSTRAINT "FK_82eea75db4c05a69f516adcb8ef" FOREIGN KEY ("domainId") REFERENCES "custom_domain"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "custom_domain_check" DROP CONSTRAINT "FK_82eea75db4c05a69f516adcb8ef"',
    );
    await queryRunner.query('ALTER TABLE "custom_domain" DROP CONSTRAINT "FK_2bd703560dddfe29d8940d9a757"');
    await queryRunner.query('ALTER TABLE "tenant" DROP COLUMN "primaryDomain"');
    await queryRunner.query('ALTER TABLE "tenant" DROP COLUMN "customDomains"');
    await queryRunner.query('DROP INDEX "public"."custom_domain_check_domain_time"');
    await queryRunner.query('DROP TABLE "custom_domain_check"');
    await queryRunner.query('DROP INDEX "public"."custom_domain_due"');
    await queryRunner.query('DROP INDEX "public"."IDX_2bd703560dddfe29d8940d9a75"');
    await queryRunner.query('DROP TABLE "custom_domain"');
  }
}
