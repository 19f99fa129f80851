import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantsAuthChanges1795413246755 implements MigrationInterface {
  name = 'TenantsAuthChanges1795413246755';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "refresh_token" ("id" uuid NOT NULL, "familyId" uuid NOT NULL, "userId" uuid NOT NULL, "tokenHash" text NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "revokedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b803086815f2d539fe7a0349d1" ON "refresh_token"  ("familyId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_8e913e288156c133999341156a" ON "refresh_token"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "email_token" ("id" uuid NOT NULL, "userId" uuid NOT NULL, "purpose" text NOT NULL, "tokenHash" text NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7175dbe70853f76bcbcb1285f92" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4b3b4942cfb0525a6157dc3f66" ON "email_token"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "rate_limit" ("key" text NOT NULL, "windowStart" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_e6c0c0608decdf78e4d4b263397" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "theme_version" ("name" text NOT NULL, "version" text NOT NULL, "displayName" text NOT NULL, "image" text NOT NULL, "projectTypes" text array NOT NULL, "defaultFor" text array NOT NULL DEFAULT \'{}\', "available" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68ccf52cc9d235603c925f4f48e" PRIMARY KEY ("name", "version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "plugin" ("key" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "defaultFor" text array NOT NULL DEFAULT \'{}\', "available" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d418d604a3e499765a9d30a16fc" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "tenant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "slug" text NOT NULL, "tier" text NOT NULL, "projectType" text NOT NULL, "themeName" text NOT NULL, "themeVersion" text NOT NULL, "plugins" text array NOT NULL DEFAULT \'{}\', "seedDemoData" boolean NOT NULL DEFAULT true, "state" text NOT NULL, "cluster" text NOT NULL, "lastChangeId" uuid, "lastCommitSha" text, "lastCommittedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bf5a4f1184a75fe1ef35353c622" UNIQUE ("organizationId"), CONSTRAINT "UQ_abfd243f7bd832e806d19c5a919" UNIQUE ("slug"), CONSTRAINT "REL_bf5a4f1184a75fe1ef35353c62" UNIQUE ("organizationId"), CONSTRAINT "PK_da8c6efd67bb301e810e56ac139" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b96f19e0989b0829793536a5b2" ON "tenant"  ("tier") ');
    await queryRunner.query('CREATE INDEX "IDX_2c859e8affad6faa44f7cce7c3" ON "tenant"  ("state") ');
    await queryRunner.query(
      'CREATE TABLE "change_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "tenantId" uuid NOT NULL, "kind" text NOT NULL, "state" text NOT NULL, "policy" text NOT NULL DEFAULT \'direct\', "requestedById" uuid NOT NULL, "approvedById" uuid, "reason" text, "summary" text NOT NULL, "tenantPatch" jsonb NOT NULL DEFAULT \'{}\', "branch" text NOT NULL DEFAULT \'main\', "baseSha" text, "commitSha" text, "error" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "committedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_75687d06f07daedcb0de54d75e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8c6b4b2af737a82e122b87c574" ON "change_request"  ("tenantId") ',
    );
    await queryRunner.query('CREATE INDEX "change_request_queue" ON "change_request"  ("state", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "tenant_commit" ("sha" text NOT NULL, "tenantId" uuid NOT NULL, "changeRequestId" uuid, "parentSha" text NOT NULL, "branch" text NOT NULL, "subject" text NOT NULL, "filesTouched" integer NOT NULL, "committedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b53b95c29b8fe78cb55d697d62b" PRIMARY KEY ("sha", "tenantId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "tenant_commit_tenant_time" ON "tenant_commit"  ("tenantId", "committedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "accountType" text NOT NULL, "projectType" text NOT NULL, "organizationId" uuid NOT NULL, "userId" uuid NOT NULL, "seedDemoData" boolean NOT NULL, "changeRequestId" uuid, "clientIp" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4a1f9fd4c8c3dff29fd5e5c101" ON "registration"  ("organizationId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "agency_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registrationId" uuid NOT NULL, "state" text NOT NULL, "survey" jsonb NOT NULL DEFAULT \'{}\', "decidedById" uuid, "decidedAt" TIMESTAMP WITH TIME ZONE, "reason" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_faf79b1086d470fed7d80c71465" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_fed2b6821d993df7e274ee3ec7" ON "agency_request"  ("registrationId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_d64d07cdd5703bfe9411111633" ON "agency_request"  ("state") ');
    await queryRunner.query('ALTER TABLE "user" ADD "capabilities" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('CREATE INDEX "IDX_da6c3ae56a0c3fc3ce81b0e90a" ON "organization"  ("parentId") ');
    await queryRunner.query(
      'ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_8e913e288156c133999341156ad" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "email_token" ADD CONSTRAINT "FK_4b3b4942cfb0525a6157dc3f661" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tenant" ADD CONSTRAINT "FK_bf5a4f1184a75fe1ef35353c622" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "change_request" ADD CONSTRAINT "FK_8c6b4b2af737a82e122b87c5749" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "change_request" ADD CONSTRAINT "FK_895775229a302a874e63034e533" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tenant_commit" ADD CONSTRAINT "FK_3b554070da5dc5470d08dd841ad" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registration" ADD CONSTRAINT "FK_4a1f9fd4c8c3dff29fd5e5c1016" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registration" ADD CONSTRAINT "FK_af6d07a8391d587c4dd40e7a5a9" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agency_request" ADD CONSTRAINT "FK_fed2b6821d993df7e274ee3ec7c" FOREIGN KEY ("registrationId") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agency_request" DROP CONSTRAINT "FK_fed2b6821d993df7e274ee3ec7c"');
    await queryRunner.query('ALTER TABLE "registration" DROP CONSTRAINT "FK_af6d07a8391d587c4dd40e7a5a9"');
    await queryRunner.query('ALTER TABLE "registration" DROP CONSTRAINT "FK_4a1f9fd4c8c3dff29fd5e5c1016"');
    await queryRunner.query('ALTER TABLE "tenant_commit" DROP CONSTRAINT "FK_3b554070da5dc5470d08dd841ad"');
    await queryRunner.query('ALTER TABLE "change_request" DROP CONSTRAINT "FK_895775229a302a874e63034e533"');
    await queryRunner.query('ALTER TABLE "change_request" DROP CONSTRAINT "FK_8c6b4b2af737a82e122b87c5749"');
    await queryRunner.query('ALTER TABLE "tenant" DROP CONSTRAINT "FK_bf5a4f1184a75fe1ef35353c622"');
    await queryRunner.query('ALTER TABLE "email_token" DROP CONSTRAINT "FK_4b3b4942cfb0525a6157dc3f661"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_8e913e288156c133999341156ad"');
    await queryRunner.query('DROP INDEX "public"."IDX_da6c3ae56a0c3fc3ce81b0e90a"');
    await queryRunner.query('ALTER TABLE "user" DROP COLUMN "capabilities"');
    await queryRunner.query('DROP INDEX "public"."IDX_d64d07cdd5703bfe9411111633"');
    await queryRunner.query('DROP INDEX "public"."IDX_fed2b6821d993df7e274ee3ec7"');
    await queryRunner.query('DROP TABLE "agency_request"');
    await queryRunner.query('DROP INDEX "public"."IDX_4a1f9fd4c8c3dff29fd5e5c101"');
    await queryRunner.query('DROP TABLE "registration"');
    await queryRunner.query('DROP INDEX "public"."tenant_commit_tenant_time"');
    await queryRunner.query('DROP TABLE "tenant_commit"');
    await queryRunner.query('DROP INDEX "public"."change_request_queue"');
    await queryRunner.query('DROP INDEX "public"."IDX_8c6b4b2af737a82e122b87c574"');
    await queryRunner.query('DROP TABLE "change_request"');
    await queryRunner.query('DROP INDEX "public"."IDX_2c859e8affad6faa44f7cce7c3"');
    await queryRunner.query('DROP INDEX "public"."IDX_b96f19e0989b0829793536a5b2"');
    await queryRunner.query('DROP TABLE "tenant"');
    await queryRunner.query('DROP TABLE "plugin"');
    await queryRunner.query('DROP TABLE "theme_version"');
    await queryRunner.query('DROP TABLE "rate_limit"');
    await queryRunner.query('DROP INDEX "public"."IDX_4b3b4942cfb0525a6157dc3f66"');
    await queryRunner.query('DROP TABLE "email_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_8e913e288156c133999341156a"');
    await queryRunner.query('DROP INDEX "public"."IDX_b803086815f2d539fe7a0349d1"');
    await queryRunner.query('DROP TABLE "refresh_token"');
  }
}
