import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaBuckets1796536478037 implements MigrationInterface {
  name = 'MediaBuckets1796536478037';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tier" ("name" text NOT NULL, "mediaQuotaBytes" bigint NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca31b25988ac3848aef318f9b8f" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "media_bucket" ("bucket" text NOT NULL, "organizationId" uuid, "action" text NOT NULL DEFAULT \'create\', "state" text NOT NULL DEFAULT \'pending\', "error" text, "attempts" integer NOT NULL DEFAULT \'0\', "nextAttemptAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "leaseUntil" TIMESTAMP WITH TIME ZONE, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_60b667b1b71e1958cc3dc0e45ef" UNIQUE ("organizationId"), CONSTRAINT "PK_8e93f1e90c2473346987f75c1d8" PRIMARY KEY ("bucket"))',
    );
    await queryRunner.query(
      'CREATE INDEX "media_bucket_due" ON "media_bucket"  ("nextAttemptAt") WHERE state IN (\'pending\', \'failed\')',
    );
    await queryRunner.query(
      'CREATE TABLE "media_object" ("organizationId" uuid NOT NULL, "key" text NOT NULL, "size" bigint NOT NULL, "contentType" text NOT NULL, "uploadedBy" uuid, "uploadedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_676aa1037be969a6811cf2daeb4" PRIMARY KEY ("organizationId", "key"))',
    );
    // Hand-written: the tiers' quotas (1 GiB, 10 GiB, 100 GiB), and a bucket due for every
    // organization whose tenant was created before buckets existed.
    await queryRunner.query(
      `INSERT INTO "tier" ("name", "mediaQuotaBytes") VALUES ('starter', 1073741824), ('pro', 10737418240), ('enterprise', 107374182400)`,
    );
    await queryRunner.query(
      `INSERT INTO "media_bucket" ("bucket", "organizationId")
         SELECT 'org-' || "slug" || '-media', "organizationId" FROM "tenant" WHERE "state" NOT IN ('rejected', 'deleted')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "media_object"');
    await queryRunner.query('DROP INDEX "public"."media_bucket_due"');
    await queryRunner.query('DROP TABLE "media_bucket"');
    await queryRunner.query('DROP TABLE "tier"');
  }
}
