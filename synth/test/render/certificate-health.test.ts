import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';

describe("the tenant Kustomization's health checks", () => {
  it("cover every custom domain's Certificate: wait is on and the Certificate is in the folder it applies", () => {
    const files = renderTenant(
      parseTenantSpec(aSpec({ slug: 'acme', tier: 'pro', domains: { custom: ['shop.example.test'] } })),
    );
    const kustomization = files.find((f) => f.path.endsWith('/kustomization-tenant-acme.yaml'));
    expect(kustomization).toBeDefined();
    const content = kustomization?.content ?? '';
    // With wait, Flux health-checks every object it applies (kstatus reads cert-manager's Ready
    // condition) and ignores any healthChecks list: the certificate line depends on exactly this.
    expect(content).toMatch(/^ {2}wait: true$/m);
    expect(content).not.toMatch(/healthChecks/);
    // It reads artifact tenant-acme, which its shard's generator makes of the tenant's app/ folder.
    expect(content).toMatch(/kind: ExternalArtifact\n {4}name: tenant-acme$/m);
    const applied = `${kustomization?.path.slice(0, kustomization.path.lastIndexOf('/'))}/app`;
    const certificate = files.find(
      (f) => f.content.includes('kind: Certificate') && f.content.includes('- shop.example.test'),
    );
    expect(certificate?.path.startsWith(`${applied}/`)).toBe(true);
  });
});
