import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `cluster.tenants`: the cluster's tenants that take a slot (placement.ts occupiesSlotSql), kept
 * by a trigger on tenant whatever writes the row (placement, purge, rejection, move, a person in
 * psql). Placement read it with two counts over the cluster's tenants per registration, one of them
 * while holding the cluster's lock that every other registration onto it waits for.
 */
export class ClusterTenantCount1796595732624 implements MigrationInterface {
  name = 'ClusterTenantCount1796595732624';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cluster" ADD "tenants" integer NOT NULL DEFAULT \'0\'');
    // The two cluster rows a move touches are updated in name order: two moves in opposite
    // directions at once then lock them in the same order, never in a cycle.
    await queryRunner.query(
      `CREATE FUNCTION cluster_tenant_count() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         left_cluster text := NULL;
         joined_cluster text := NULL;
       BEGIN
         IF TG_OP <> 'INSERT' AND OLD.state NOT IN ('deleted', 'rejected') THEN left_cluster := OLD.cluster; END IF;
         IF TG_OP <> 'DELETE' AND NEW.state NOT IN ('deleted', 'rejected') THEN joined_cluster := NEW.cluster; END IF;
         IF left_cluster IS NOT DISTINCT FROM joined_cluster THEN RETURN NULL; END IF;
         IF left_cluster IS NOT NULL AND (joined_cluster IS NULL OR left_cluster < joined_cluster) THEN
           UPDATE cluster SET tenants = tenants - 1 WHERE name = left_cluster;
           left_cluster := NULL;
         END IF;
         IF joined_cluster IS NOT NULL THEN UPDATE cluster SET tenants = tenants + 1 WHERE name = joined_cluster; END IF;
         IF left_cluster IS NOT NULL THEN UPDATE cluster SET tenants = tenants - 1 WHERE name = left_cluster; END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER tenant_cluster_count AFTER INSERT OR DELETE OR UPDATE OF cluster, state ON "tenant" FOR EACH ROW EXECUTE FUNCTION cluster_tenant_count()',
    );
    // After the trigger: creating it locked tenant against writes until this commits, so no tenant
    // is counted twice or missed.
    await queryRunner.query(
      `UPDATE cluster c SET tenants = (SELECT count(*) FROM tenant t
         WHERE t.cluster = c.name AND t.state NOT IN ('deleted', 'rejected'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tenant_cluster_count ON "tenant"');
    await queryRunner.query('DROP FUNCTION cluster_tenant_count()');
    await queryRunner.query('ALTER TABLE "cluster" DROP COLUMN "tenants"');
  }
}
