import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditUsage1796549316163 implements MigrationInterface {
  name = 'CreditUsage1796549316163';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_api_key" ("id" uuid NOT NULL, "organizationId" uuid NOT NULL, "hash" text NOT NULL, "prefix" text NOT NULL, "createdBy" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_954a947e5ae61eca08b99354077" UNIQUE ("hash"), CONSTRAINT "PK_616344a8b2eaea0c678d8683205" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5740b0431ec576394574221a1b" ON "credit_api_key"  ("organizationId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_price" ("feature" text NOT NULL, "credits" bigint NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_price_positive" CHECK ("credits" > 0), CONSTRAINT "PK_252e8b4ed590dbf1acba02efa93" PRIMARY KEY ("feature"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "credit_price"');
    await queryRunner.query('DROP INDEX "public"."IDX_5740b0431ec576394574221a1b"');
    await queryRunner.query('DROP TABLE "credit_api_key"');
  }
}
