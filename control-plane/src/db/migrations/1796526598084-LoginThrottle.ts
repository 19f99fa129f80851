import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1796526598084 implements MigrationInterface {
  name = 'LoginThrottle1796526598084';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "login_throttle" ("ip" text NOT NULL, "email" text NOT NULL, "attempts" integer NOT NULL, "windowStart" TIMESTAMP WITH TIME ZONE NOT NULL, "lockedUntil" TIMESTAMP WITH TIME ZONE, "locks" integer NOT NULL, CONSTRAINT "PK_42e8a843c92b58f2ac5bd04017a" PRIMARY KEY ("ip", "email"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7ed69f4c373008a97980082e53" ON "login_throttle"  ("lockedUntil") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_7ed69f4c373008a97980082e53"');
    await queryRunner.query('DROP TABLE "login_throttle"');
  }
}
