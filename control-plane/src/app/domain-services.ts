import type { DataSource, EntityManager } from 'typeorm';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { markCertificatesIssued } from '../domains/certificate-line.js';
import { createDnsCheck } from '../domains/dns-check.js';
import { createDomainsService } from '../domains/domains.service.js';
import { createVerifier } from '../domains/verifier.js';
import type { Pipeline } from '../events/pipeline.js';
import type { Logger } from '../logger.js';
import type { Mail } from '../mail/mailer.js';

/**
 * Custom domains' part of the composition: the DNS check on the configured resolvers, the
 * background verifier (its changes go through the change writer, its flags through the mail
 * outbox), the API's service, and the certificate line following sync's `tenant.ready`.
 */
export function createDomainServices(input: {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  clock: () => Date;
  pipeline: Pipeline;
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
  const verifier = createVerifier({
    dataSource,
    dns,
    changes,
    mail: input.mail,
    logger: input.logger,
    clock: input.clock,
    concurrency: config.DOMAIN_CHECK_CONCURRENCY,
  });
  const domains = createDomainsService({
    dataSource,
    changes,
    verifier,
    baseDomain: config.LUSTER_BASE_DOMAIN,
    ingressTarget: config.LUSTER_INGRESS_TARGET,
    ingressAddresses: config.LUSTER_INGRESS_ADDRESSES,
    clock: input.clock,
  });
  input.pipeline.on('tenant.ready', ({ tenantId }) => markCertificatesIssued(dataSource.manager, tenantId));
  return { domains, verifier };
}
