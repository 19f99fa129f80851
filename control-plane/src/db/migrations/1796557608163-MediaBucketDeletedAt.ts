import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaBucketDeletedAt1796557608163 implements MigrationInterface {
  name = 'MediaBucketDeletedAt1796557608163';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "media_bucket" ADD "deletedAt" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "media_bucket" DROP COLUMN "deletedAt"');
  }
}
