import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795412786963 implements MigrationInterface {
  name = 'Initial1795412786963';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "passwordHash" text NOT NULL, "emailVerifiedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "parentId" uuid, "path" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a08804baa7c5d5427067c49a31f" UNIQUE ("slug"), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "organizationId" uuid NOT NULL, "role" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "membership_user_org" UNIQUE ("userId", "organizationId"), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))',
    );
    // Hand-added: TypeORM cannot express an operator class. text_pattern_ops lets
    // `path LIKE '/root/agency/%'` (the golden rule's subtree query) use the index
    // under any database collation.
    await queryRunner.query(
      'CREATE INDEX "organization_path_prefix" ON "organization" ("path" text_pattern_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4c62c8a7ba2337d6d6ffcd8eb6" ON "membership"  ("organizationId") ',
    );
    await queryRunner.query(
      'ALTER TABLE "organization" ADD CONSTRAINT "FK_da6c3ae56a0c3fc3ce81b0e90a6" FOREIGN KEY ("parentId") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_eef2d9d9c70cd13bed868afedf4" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_4c62c8a7ba2337d6d6ffcd8eb6d" FOREIGN KEY ("organizationId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "organization_path_prefix"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_4c62c8a7ba2337d6d6ffcd8eb6d"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_eef2d9d9c70cd13bed868afedf4"');
    await queryRunner.query('ALTER TABLE "organization" DROP CONSTRAINT "FK_da6c3ae56a0c3fc3ce81b0e90a6"');
    await queryRunner.query('DROP INDEX "public"."IDX_4c62c8a7ba2337d6d6ffcd8eb6"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP TABLE "organization"');
    await queryRunner.query('DROP TABLE "user"');
  }
}
