import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantObjectHealth1796571554509 implements MigrationInterface {
  name = 'TenantObjectHealth1796571554509';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tenant_object_health" ("tenantId" uuid NOT NULL, "kind" text NOT NULL, "namespace" text NOT NULL, "name" text NOT NULL, "source" text NOT NULL, "health" text NOT NULL, "message" text NOT NULL, "revision" text, "reportedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9503655de0dcdc13096936f2b3" PRIMARY KEY ("tenantId", "kind", "namespace", "name"))',
    );
    await queryRunner.query(
      'ALTER TABLE "tenant_object_health" ADD CONSTRAINT "FK_4d18151b0fe02d354fe71c48463" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "tenant_object_health" DROP CONSTRAINT "FK_4d18151b0fe02d354fe71c48463"',
    );
    await queryRunner.query('DROP TABLE "tenant_object_health"');
  }
}
