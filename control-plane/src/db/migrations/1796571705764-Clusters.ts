import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Clusters1796571705764 implements MigrationInterface {
  name = 'Clusters1796571705764';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "cluster" ("name" text NOT NULL, "region" text NOT NULL DEFAULT \'\', "capacity" integer NOT NULL, "labels" jsonb NOT NULL DEFAULT \'{}\', "acceptsTenants" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2baf81de2d47a4721c82b260d63" PRIMARY KEY ("name"))',
    );
    await queryRunner.query('ALTER TABLE "organization" ADD "preferredCluster" text');
    await queryRunner.query('CREATE INDEX "IDX_d590f3771388802dc8a5a91db1" ON "tenant"  ("cluster") ');
    // Every cluster tenants already run on becomes a row before the foreign key holds them to it,
    // with room for what it runs (the first cluster of a fresh install is seeded at start from
    // LUSTER_CLUSTER: clusters/first-cluster.ts).
    await queryRunner.query(
      `INSERT INTO "cluster" ("name", "capacity")
       SELECT "cluster", GREATEST(count(*), 10000)::int FROM "tenant" GROUP BY "cluster"`,
    );
    await queryRunner.query(
      'ALTER TABLE "tenant" ADD CONSTRAINT "FK_d590f3771388802dc8a5a91db18" FOREIGN KEY ("cluster") REFERENCES "cluster"("name") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant" DROP CONSTRAINT "FK_d590f3771388802dc8a5a91db18"');
    await queryRunner.query('DROP INDEX "public"."IDX_d590f3771388802dc8a5a91db1"');
    await queryRunner.query('ALTER TABLE "organization" DROP COLUMN "preferredCluster"');
    await queryRunner.query('DROP TABLE "cluster"');
  }
}
