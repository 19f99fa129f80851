import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { fluxEvent } from '../test-support/flux-events.js';
import { argoOutcome, parseArgoEvent } from './argocd-event.js';
import { outcomeOf, parseFluxEvent } from './flux-event.js';

const sha = 'a'.repeat(40);

describe('parseFluxEvent', () => {
  it('reads a kustomize-controller event with prefix-less metadata', () => {
    const event = parseFluxEvent(fluxEvent({ slug: 'acme', reason: 'ReconciliationSucceeded', sha }));
    expect(event).toMatchObject({
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'tenant-acme',
      severity: 'info',
      reason: 'ReconciliationSucceeded',
      revision: { ref: 'main', sha },
      controller: 'kustomize-controller',
    });
  });

  it('accepts the older group-prefixed metadata key and main/<sha> revision', () => {
    const body = fluxEvent({ slug: 'acme', reason: 'Progressing', sha });
    body.metadata = { 'kustomize.toolkit.fluxcd.io/revision': `main/${sha}` };
    expect(parseFluxEvent(body).revision).toEqual({ ref: 'main', sha });
  });

  it("reads the git commit of an ExternalArtifact's origin, not the artifact's digest", () => {
    const body = fluxEvent({ slug: 'acme', reason: 'ReconciliationSucceeded', sha });
    body.metadata = {
      revision: `latest@sha256:${'b'.repeat(64)}`,
      'kustomize.toolkit.fluxcd.io/originRevision': `main@sha1:${sha}`,
    };
    expect(parseFluxEvent(body).revision).toEqual({ ref: 'main', sha });
  });

  it('refuses a body that is not an event, with an invalid_event code', () => {
    expect(() => parseFluxEvent({ hello: 'world' })).toThrow(DomainError);
    try {
      parseFluxEvent({ hello: 'world' });
    } catch (error) {
      expect((error as DomainError).code).toBe('invalid_event');
    }
  });

  it.each([
    ['info', 'Progressing', 'progressing'],
    ['info', 'DependencyNotReady', 'progressing'],
    ['info', 'ReconciliationSucceeded', 'succeeded'],
    ['error', 'HealthCheckFailed', 'failed'],
    ['error', 'BuildFailed', 'failed'],
    ['error', 'ReconciliationFailed', 'failed'],
    ['info', 'ArtifactUpToDate', 'other'],
  ] as const)('maps %s/%s to %s', (severity, reason, outcome) => {
    expect(outcomeOf({ severity, reason })).toBe(outcome);
  });
});

describe('parseArgoEvent', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('reads the template body and maps sync/health to an outcome', () => {
    const event = parseArgoEvent(
      {
        app: 'tenant-acme',
        syncStatus: 'Synced',
        health: 'Healthy',
        revision: sha,
        phase: 'Succeeded',
        message: '',
      },
      now,
    );
    expect(event).toMatchObject({ app: 'tenant-acme', revision: { ref: null, sha }, timestamp: now });
    expect(argoOutcome(event)).toBe('succeeded');
  });

  it.each([
    [{ syncStatus: 'OutOfSync', health: 'Healthy', phase: '' }, 'progressing'],
    [{ syncStatus: 'Synced', health: 'Degraded', phase: 'Succeeded' }, 'failed'],
    [{ syncStatus: 'Synced', health: 'Progressing', phase: 'Running' }, 'progressing'],
    [{ syncStatus: 'Unknown', health: 'Unknown', phase: 'Error' }, 'failed'],
  ])('maps %j to %s', (state, outcome) => {
    expect(argoOutcome(state)).toBe(outcome);
  });

  it('refuses a body without an app name', () => {
    expect(() => parseArgoEvent({ syncStatus: 'Synced', health: 'Healthy' }, now)).toThrow(/Argo CD/);
  });
});
