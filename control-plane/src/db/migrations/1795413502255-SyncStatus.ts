import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SyncStatus1795413502255 implements MigrationInterface {
  name = 'SyncStatus1795413502255';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sync_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "digest" text NOT NULL, "tenantId" uuid, "source" text NOT NULL, "objectKind" text NOT NULL, "objectNamespace" text NOT NULL, "objectName" text NOT NULL, "severity" text NOT NULL, "reason" text NOT NULL, "outcome" text NOT NULL, "message" text NOT NULL, "revision" text, "sha" text, "eventAt" TIMESTAMP WITH TIME ZONE NOT NULL, "receivedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7a022e3d7770315842cac786985" UNIQUE ("digest"), CONSTRAINT "PK_ee793a8fc585a352607159f8d95" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sync_event_tenant_time" ON "sync_event"  ("tenantId", "eventAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "tenant_sync" ("tenantId" uuid NOT NULL, "phase" text NOT NULL, "lastChangeSha" text, "committedAt" TIMESTAMP WITH TIME ZONE, "firstProgressingAt" TIMESTAMP WITH TIME ZONE, "readyAt" TIMESTAMP WITH TIME ZONE, "appliedRevision" text, "message" text, "lastReportAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac0593dc265cf2c70d375943c4d" PRIMARY KEY ("tenantId"))',
    );
    await queryRunner.query(
      'ALTER TABLE "sync_event" ADD CONSTRAINT "FK_a2ba1bae3a18245c53414dedcf3" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tenant_sync" ADD CONSTRAINT "FK_ac0593dc265cf2c70d375943c4d" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenant_sync" DROP CONSTRAINT "FK_ac0593dc265cf2c70d375943c4d"');
    await queryRunner.query('ALTER TABLE "sync_event" DROP CONSTRAINT "FK_a2ba1bae3a18245c53414dedcf3"');
    await queryRunner.query('DROP TABLE "tenant_sync"');
    await queryRunner.query('DROP INDEX "public"."sync_event_tenant_time"');
    await queryRunner.query('DROP TABLE "sync_event"');
  }
}
