import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `change_request.unpushedBy`: the replica whose local repository alone holds a change's commit
 * (changes/takeover.ts). Nullable and unread by the release before: expand only, so both run side
 * by side during a rolling upgrade.
 */
export class UnpushedCommits1796613728470 implements MigrationInterface {
  name = 'UnpushedCommits1796613728470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "change_request" ADD "unpushedBy" integer');
    await queryRunner.query(
      'CREATE INDEX "change_request_unpushed" ON "change_request" ("unpushedBy") WHERE "unpushedBy" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."change_request_unpushed"');
    await queryRunner.query('ALTER TABLE "change_request" DROP COLUMN "unpushedBy"');
  }
}
