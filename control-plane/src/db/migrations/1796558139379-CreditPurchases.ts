import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditPurchases1796558139379 implements MigrationInterface {
  name = 'CreditPurchases1796558139379';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_pack" ("id" text NOT NULL, "credits" bigint NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_pack_positive" CHECK ("credits" > 0 AND "amount" > 0), CONSTRAINT "PK_db4291ed72a815f67d67c5b02e8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_purchase" ("id" uuid NOT NULL, "organizationId" uuid NOT NULL, "packId" text NOT NULL, "credits" bigint NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "buyerUserId" uuid, "sessionId" text, "paymentIntentId" text, "state" text NOT NULL DEFAULT \'pending\', "entryId" bigint, "reversedCredits" bigint NOT NULL DEFAULT \'0\', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_00796afc5079cff1fe6f0c50ed7" UNIQUE ("sessionId"), CONSTRAINT "credit_purchase_reversed" CHECK ("reversedCredits" >= 0 AND "reversedCredits" <= "credits"), CONSTRAINT "PK_56aedfd232c8bb938fecdc99ce6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_be38a6bbdd7a2248a806cdf126" ON "credit_purchase"  ("paymentIntentId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "credit_purchase_organization" ON "credit_purchase"  ("organizationId", "createdAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."credit_purchase_organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_be38a6bbdd7a2248a806cdf126"');
    await queryRunner.query('DROP TABLE "credit_purchase"');
    await queryRunner.query('DROP TABLE "credit_pack"');
  }
}
