import { describe, expect, it } from 'vitest';
import { fluxEvent } from '../test-support/flux-events.js';
import { argoObjectReports, fluxObjectReports, recordedOnly } from './object-health.js';

// Payloads in the documented formats (shared/reference/flux-and-argo.md; the messages as
// kustomize-controller and fluxcd/pkg/ssa print them, Argo CD's ResourceStatus): Flux and Argo CD
// cannot run here, so these are fakes of what they send — the formats, not their code, are tested.
const sha = 'c'.repeat(40);
const flux = (reason: string, message: string) => fluxEvent({ slug: 'acme', reason, sha, message });

describe("per-object health from Flux's events", () => {
  it('reads each object a failed health check names, timed out or stalled, with its error', () => {
    const timedOut = fluxObjectReports(
      flux(
        'HealthCheckFailed',
        "health check failed after 5m0s: timeout waiting for: [Certificate/tenant-acme/tls-shop-1a2b3c4d status: 'InProgress', Deployment/tenant-acme/theme status: 'InProgress']",
      ),
    );
    expect(timedOut.objects).toEqual([
      {
        kind: 'Certificate',
        namespace: 'tenant-acme',
        name: 'tls-shop-1a2b3c4d',
        health: 'failed',
        message: "Flux's health check timed out waiting for it (status InProgress)",
      },
      {
        kind: 'Deployment',
        namespace: 'tenant-acme',
        name: 'theme',
        health: 'failed',
        message: "Flux's health check timed out waiting for it (status InProgress)",
      },
    ]);
    const stalled = fluxObjectReports(
      flux(
        'HealthCheckFailed',
        "health check failed after 16.6ms: failed early due to stalled resources: [Certificate/tenant-acme/tls-shop-1a2b3c4d status: 'Failed': the issuer letsencrypt refused the order]",
      ),
    );
    expect(stalled.objects).toEqual([
      expect.objectContaining({
        name: 'tls-shop-1a2b3c4d',
        health: 'failed',
        message:
          "Flux's health check found it stalled (status Failed: the issuer letsencrypt refused the order)",
      }),
    ]);
  });

  it('reads the change set of a Progressing event: applied objects wait, deleted ones go', () => {
    const reports = fluxObjectReports(
      flux(
        'Progressing',
        'Certificate/tenant-acme/tls-new-00000001 created\nDeployment/tenant-acme/theme configured\nCertificate/tenant-acme/tls-old-00000002 deleted',
      ),
    );
    expect(reports.objects.map((o) => [o.kind, o.name, o.health])).toEqual([
      ['Certificate', 'tls-new-00000001', 'progressing'],
      ['Deployment', 'theme', 'progressing'],
    ]);
    expect(reports.gone).toEqual([
      { kind: 'Certificate', namespace: 'tenant-acme', name: 'tls-old-00000002' },
    ]);
    expect(reports.allHealthy).toBe(false);
  });

  it('takes a success (Ready with wait: true) or "Health check passed" as every object healthy', () => {
    expect(
      fluxObjectReports(
        flux('ReconciliationSucceeded', 'Reconciliation finished in 2.1s, next run in 10m0s'),
      ),
    ).toMatchObject({ objects: [], allHealthy: true });
    expect(fluxObjectReports(flux('Progressing', 'Health check passed in 12.4s'))).toMatchObject({
      allHealthy: true,
    });
  });

  it('says nothing of objects for other failures (a build error names no object health)', () => {
    expect(
      fluxObjectReports(flux('BuildFailed', 'kustomize build failed: accumulating resources: missing file')),
    ).toEqual({ objects: [], gone: [], allHealthy: false, complete: false });
  });

  it('keeps Certificates only', () => {
    const reports = recordedOnly(
      fluxObjectReports(
        flux(
          'Progressing',
          'Certificate/tenant-acme/tls-a-00000001 created\nService/tenant-acme/theme created',
        ),
      ),
    );
    expect(reports.objects.map((o) => o.kind)).toEqual(['Certificate']);
  });
});

describe("per-object health from Argo CD's resources", () => {
  it("maps each resource's health and keeps Argo's message; the list is complete", () => {
    const reports = argoObjectReports([
      {
        group: 'cert-manager.io',
        version: 'v1',
        kind: 'Certificate',
        namespace: 'tenant-acme',
        name: 'tls-shop-1a2b3c4d',
        status: 'Synced',
        health: { status: 'Degraded', message: 'Issuing certificate as Secret does not exist' },
      },
      { kind: 'Certificate', namespace: 'tenant-acme', name: 'tls-b', health: { status: 'Healthy' } },
      { kind: 'Certificate', namespace: 'tenant-acme', name: 'tls-c', health: { status: 'Progressing' } },
      { kind: 'Certificate', namespace: 'tenant-acme', name: 'tls-d', health: { status: 'Missing' } },
      { kind: 'ConfigMap', namespace: 'tenant-acme', name: 'theme', status: 'Synced' },
    ]);
    expect(reports.complete).toBe(true);
    expect(reports.objects.map((o) => [o.name, o.health, o.message])).toEqual([
      ['tls-shop-1a2b3c4d', 'failed', 'Argo CD: Degraded: Issuing certificate as Secret does not exist'],
      ['tls-b', 'healthy', 'Argo CD: Healthy'],
      ['tls-c', 'progressing', 'Argo CD: Progressing'],
      ['tls-d', 'missing', 'Argo CD: Missing'],
      ['theme', 'unknown', 'Argo CD: no health'],
    ]);
  });

  it('says nothing when the notification carries no resources (an older template)', () => {
    expect(argoObjectReports(undefined)).toEqual({
      objects: [],
      gone: [],
      allHealthy: false,
      complete: false,
    });
  });
});
