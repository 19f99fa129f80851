import type { DataSource, EntityManager } from 'typeorm';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { markCertificatesIssued } from '../domains/certificate-line.js';
import { createDnsCheck } from '../domains/dns-check.js';
import { createDomainEvents } from '../domains/domain-events.js';
import { createDomainsService } from '../domains/domains.service.js';
import { createVerifier } from '../domains/verifier.js';
import type { EventBus } from '../events/event-bus.js';
import type { Pipeline } from '../events/pipeline.js';
import type { Logger } from '../logger.js';
import type { Mail } from '../mail/mailer.js';

/**
 * Custom domains' part of the composition: the DNS check on the configured resolvers, the
 * background verifier (its changes go through the change writer, its flags through the mail
 * outbox), the API's service, the certificate line following sync's `tenant.ready`, and the
 * `domains.changed` events live views read instead of polling.
 */
export function createDomainServices(input: {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  clock: () => Date;
  pipeline: Pipeline;
  bus: Pick<EventBus, 'publish'>;
  changes: Pick<ChangesService, 'submit' | 'settle'>;
  mail: { enqueue(manager: EntityManager, mail: Mail): Promise<void>; kick(): unknown };
}) {
  const { config, dataSource } = input;
  const dns = createDnsCheck({
    servers: config.DNS_RESOLVERS,
    timeoutMs: config.DOMAIN_DNS_TIMEOUT_MS,
    ingressTarget: config.LUSTER_INGRESS_TARGET,
    ingressAddresses: config.LUSTER_INGRESS_ADDRESSES,
  });
  const changes = {
    submit: (change: Parameters<ChangesService['submit']>[0], tx: EntityManager) =>
      input.changes.submit(change, tx),
    settle: (id: string) => input.changes.settle(id),
  };
  const events = createDomainEvents(dataSource, input.bus);
  const verifier = createVerifier({
    dataSource,
    dns,
    changes,
    mail: input.mail,
    logger: input.logger,
    clock: input.clock,
    concurrency: config.DOMAIN_CHECK_CONCURRENCY,
    announce: (organizationId, hostname) => events.changed(organizationId, hostname),
  });
  const domains = createDomainsService({
    dataSource,
    changes,
    verifier,
    events,
    baseDomain: config.LUSTER_BASE_DOMAIN,
    ingressTarget: config.LUSTER_INGRESS_TARGET,
    ingressAddresses: config.LUSTER_INGRESS_ADDRESSES,
    clock: input.clock,
  });
  input.pipeline.on('tenant.ready', async ({ tenantId }) => {
    const organizationId = await markCertificatesIssued(dataSource.manager, tenantId);
    if (organizationId) await events.changed(organizationId, null);
  });
  // A report named one of the tenant's Certificates: its domain's certificate line may have moved.
  input.pipeline.on('tenant.objects', ({ organizationId, organizationPath }) =>
    events.publish(organizationId, organizationPath, null),
  );
  return { domains, verifier };
}
