import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutbox1795422330976 implements MigrationInterface {
  name = 'MailOutbox1795422330976';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "to" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "nextAttemptAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "leaseUntil" TIMESTAMP WITH TIME ZONE, "sentAt" TIMESTAMP WITH TIME ZONE, "failedAt" TIMESTAMP WITH TIME ZONE, "lastError" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "mail_outbox_due" ON "mail_outbox"  ("nextAttemptAt") WHERE "sentAt" IS NULL AND "failedAt" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."mail_outbox_due"');
    await queryRunner.query('DROP TABLE "mail_outbox"');
  }
}
