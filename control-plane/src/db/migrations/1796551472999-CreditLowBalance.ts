import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditLowBalance1796551472999 implements MigrationInterface {
  name = 'CreditLowBalance1796551472999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "credit_balance" ADD "lowBalanceThreshold" bigint');
    await queryRunner.query(
      'ALTER TABLE "credit_balance" ADD "lowBalanceNotified" boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "credit_balance" DROP COLUMN "lowBalanceNotified"');
    await queryRunner.query('ALTER TABLE "credit_balance" DROP COLUMN "lowBalanceThreshold"');
  }
}
