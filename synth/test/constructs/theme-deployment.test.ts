import { ConfigMap } from 'cdk8s-plus-27';
import { describe, expect, it } from 'vitest';
import { ThemeDeployment, type ThemeDeploymentProps } from '../../src/constructs/theme-deployment.js';
import { tierPresets } from '../../src/tiers/tier-presets.js';
import { synthConstruct } from '../support/synth-construct.js';

const selector = { 'luster.io/tenant': 'acme', 'app.kubernetes.io/component': 'theme' };

function deploymentOf(overrides: Partial<ThemeDeploymentProps> = {}): Record<string, any> {
  const objects = synthConstruct((chart) => {
    new ThemeDeployment(chart, 'Theme', {
      name: 'theme',
      namespace: 'tenant-acme',
      labels: { 'luster.io/tier': 'pro', ...selector },
      selector,
      annotations: { 'luster.io/theme': 'aurora@1.4.0' },
      image: 'registry.luster.io/themes/aurora:1.4.0',
      replicas: 2,
      maxReplicas: 2,
      resources: tierPresets.pro.theme,
      port: 8080,
      portName: 'http',
      configMap: ConfigMap.fromConfigMapName(chart, 'Config', 'theme-config'),
      configHash: 'abc123',
      databaseUrlSecret: { name: 'db-app', key: 'uri' },
      mediaCredentialsSecret: 'media-credentials',
      ...overrides,
    });
  });
  const deployment = objects.find((o) => o.kind === 'Deployment');
  if (!deployment) throw new Error('no Deployment rendered');
  return deployment;
}

describe('ThemeDeployment', () => {
  it('runs the theme under restricted Pod Security', () => {
    const pod = deploymentOf().spec.template.spec;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      fsGroupChangePolicy: 'Always',
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
    });
  });

  it('gives the read-only container a writable /tmp', () => {
    const pod = deploymentOf().spec.template.spec;
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
  });

  it('probes startup, readiness and liveness on the health path and sets the tier resources', () => {
    const container = deploymentOf().spec.template.spec.containers[0];
    const probe = (periodSeconds: number, failureThreshold: number) => ({
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      periodSeconds,
      failureThreshold,
      timeoutSeconds: 2,
    });
    expect(container.startupProbe).toEqual(probe(2, 30));
    expect(container.readinessProbe).toEqual(probe(10, 3));
    expect(container.livenessProbe).toEqual(probe(10, 6));
    expect(container.resources).toEqual({
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '1000m', memory: '512Mi' },
    });
  });

  it('reads the database URL from the operator Secret, the S3 keys from the media Secret by name, and the rest from the ConfigMap', () => {
    const container = deploymentOf().spec.template.spec.containers[0];
    const media = (key: string) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: 'media-credentials', key, optional: true } },
    });
    expect(container.env).toEqual([
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-app', key: 'uri' } } },
      media('AWS_ACCESS_KEY_ID'),
      media('AWS_SECRET_ACCESS_KEY'),
    ]);
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'theme-config' } }]);
    expect(deploymentOf().spec.template.metadata.annotations).toEqual({ 'luster.io/config-hash': 'abc123' });
  });

  it('rolls out without ever going below the desired replicas', () => {
    expect(deploymentOf().spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
  });

  it('selects its pods by the pinned labels only, with no construct-path label anywhere', () => {
    const deployment = deploymentOf();
    expect(deployment.spec.selector).toEqual({ matchLabels: selector });
    expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
    expect(JSON.stringify(deployment)).not.toContain('cdk8s.io/metadata.addr');
  });

  it('spreads pods over zones and nodes only when it can run more than one', () => {
    const spread = deploymentOf({ replicas: undefined, maxReplicas: 5 }).spec.template.spec
      .topologySpreadConstraints;
    expect(spread).toEqual(
      ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
        maxSkew: 1,
        topologyKey,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selector },
      })),
    );
    expect(
      deploymentOf({ replicas: 1, maxReplicas: 1 }).spec.template.spec.topologySpreadConstraints,
    ).toBeUndefined();
  });

  it('writes a fixed replica count, including 0 for a suspended tenant', () => {
    expect(deploymentOf({ replicas: 0, maxReplicas: 0 }).spec.replicas).toBe(0);
    expect(deploymentOf({ replicas: 3, maxReplicas: 3 }).spec.replicas).toBe(3);
  });

  it.each([
    [{ replicas: -1 }, "'replicas' (-1) must be a non-negative integer"],
    [{ replicas: 4, maxReplicas: 3 }, "'replicas' (4) must not exceed 'maxReplicas' (3)"],
    [
      {
        resources: {
          requests: { cpuMillicores: 900, memoryMi: 64 },
          limits: { cpuMillicores: 500, memoryMi: 128 },
        },
      },
      "'resources.requests' (900m, 64Mi) must not exceed 'resources.limits' (500m, 128Mi)",
    ],
  ])('refuses %j, naming the fields and values', (overrides, message) => {
    expect(() => deploymentOf(overrides)).toThrow(message);
  });
});
