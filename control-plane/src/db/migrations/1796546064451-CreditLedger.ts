import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditLedger1796546064451 implements MigrationInterface {
  name = 'CreditLedger1796546064451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_entry" ("id" BIGSERIAL NOT NULL, "idempotencyKey" text NOT NULL, "kind" text NOT NULL, "fromAccount" text NOT NULL, "fromOrganizationId" uuid, "toAccount" text NOT NULL, "toOrganizationId" uuid, "amount" bigint NOT NULL, "reversesId" bigint, "actorUserId" uuid, "reason" text, "feature" text, "quantity" integer, "occurredAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_bb8dbb075763668a4ea06c21d4b" UNIQUE ("idempotencyKey"), CONSTRAINT "credit_entry_accounts" CHECK (("fromAccount" = \'organization\') = ("fromOrganizationId" IS NOT NULL)\n   AND ("toAccount" = \'organization\') = ("toOrganizationId" IS NOT NULL)\n   AND "fromOrganizationId" IS DISTINCT FROM "toOrganizationId"), CONSTRAINT "credit_entry_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_05b1d62338497046115e3893f9f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "credit_entry_to" ON "credit_entry"  ("toOrganizationId", "id") ');
    await queryRunner.query(
      'CREATE INDEX "credit_entry_from" ON "credit_entry"  ("fromOrganizationId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_balance" ("organizationId" uuid NOT NULL, "balance" bigint NOT NULL DEFAULT \'0\', "overdraft" bigint NOT NULL DEFAULT \'0\', "monthlyLimit" bigint, "spentMonth" text, "spentInMonth" bigint NOT NULL DEFAULT \'0\', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_balance_overdraft" CHECK ("overdraft" >= 0), CONSTRAINT "PK_00d45bcaeb1f18edb111e139a08" PRIMARY KEY ("organizationId"))',
    );
    // Hand-written: the ledger is append-only in the database itself, not only by the code's
    // goodwill; a correction is a new entry (a reversal).
    await queryRunner.query(
      `CREATE FUNCTION credit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'credit_entry is append-only: % refused', TG_OP; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER credit_entry_append_only BEFORE UPDATE OR DELETE ON "credit_entry" FOR EACH ROW EXECUTE FUNCTION credit_entry_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER credit_entry_no_truncate BEFORE TRUNCATE ON "credit_entry" FOR EACH STATEMENT EXECUTE FUNCTION credit_entry_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER credit_entry_no_truncate ON "credit_entry"');
    await queryRunner.query('DROP TRIGGER credit_entry_append_only ON "credit_entry"');
    await queryRunner.query('DROP FUNCTION credit_entry_append_only()');
    await queryRunner.query('DROP TABLE "credit_balance"');
    await queryRunner.query('DROP INDEX "public"."credit_entry_from"');
    await queryRunner.query('DROP INDEX "public"."credit_entry_to"');
    await queryRunner.query('DROP TABLE "credit_entry"');
  }
}
