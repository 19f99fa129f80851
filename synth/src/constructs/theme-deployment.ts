import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { explain } from '../output/explain.js';
import type { ComputeResources } from '../tiers/tier-presets.js';

export interface ThemeDeploymentProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Pod selector: pinned, never derived from construct paths (a Deployment's selector is immutable). */
  readonly selector: Readonly<Record<string, string>>;
  /** Extra annotations on the Deployment, e.g. the theme's catalog name and version. */
  readonly annotations: Readonly<Record<string, string>>;
  readonly image: string;
  /**
   * Fixed replica count. `undefined` only with a ThemeAutoscaler targeting this Deployment, which
   * then owns the count (without one, cdk8s-plus would write its default of 2).
   */
  readonly replicas: number | undefined;
  /** Upper bound of the replicas, to decide whether pods must spread across nodes and zones. */
  readonly maxReplicas: number;
  readonly resources: ComputeResources;
  readonly port: number;
  readonly portName: string;
  /** ConfigMap whose entries become the container's environment. */
  readonly configMap: kplus.IConfigMap;
  /** Content hash of that ConfigMap. */
  readonly configHash: string;
  /** Secret and key holding the database URL. */
  readonly databaseUrlSecret: { readonly name: string; readonly key: string };
  /**
   * Secret with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` for the media bucket. Optional in
   * the pod: until it is delivered the theme runs, without media, rather than failing to start.
   */
  readonly mediaCredentialsSecret: string;
  /**
   * Path answering 200 when the theme is healthy.
   * @default '/healthz'
   */
  readonly healthPath?: string;
  /**
   * Numeric user and group the container runs as.
   * @default 10001
   */
  readonly runAsUser?: number;
}

const CONFIG_HASH_ANNOTATION = 'luster.io/config-hash';

/**
 * The theme's pods under restricted Pod Security, rolled out with zero downtime: a new pod must be
 * ready before an old one goes (`maxUnavailable: 0`), so switching themes never drops traffic.
 */
export class ThemeDeployment extends Construct {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: ThemeDeploymentProps) {
    super(scope, id);
    if (props.replicas !== undefined && (!Number.isInteger(props.replicas) || props.replicas < 0)) {
      throw new RangeError(`'replicas' (${props.replicas}) must be a non-negative integer`);
    }
    if (props.replicas !== undefined && props.replicas > props.maxReplicas) {
      throw new RangeError(
        `'replicas' (${props.replicas}) must not exceed 'maxReplicas' (${props.maxReplicas})`,
      );
    }
    const { requests, limits } = props.resources;
    if (requests.cpuMillicores > limits.cpuMillicores || requests.memoryMi > limits.memoryMi) {
      throw new RangeError(
        `'resources.requests' (${requests.cpuMillicores}m, ${requests.memoryMi}Mi) must not exceed ` +
          `'resources.limits' (${limits.cpuMillicores}m, ${limits.memoryMi}Mi)`,
      );
    }
    const user = props.runAsUser ?? 10001;
    const healthPath = props.healthPath ?? '/healthz';
    const probe = (options: kplus.HttpGetProbeOptions) =>
      kplus.Probe.fromHttpGet(healthPath, {
        port: props.port,
        timeoutSeconds: Duration.seconds(2),
        ...options,
      });

    this.deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: { ...props.labels },
        annotations: { ...props.annotations },
      },
      replicas: props.replicas,
      select: false,
      podMetadata: {
        labels: { ...props.labels, ...props.selector },
        annotations: { [CONFIG_HASH_ANNOTATION]: props.configHash },
      },
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.absolute(1),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      securityContext: { ensureNonRoot: true, user, group: user, fsGroup: user },
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'theme',
          image: props.image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ports: [{ number: props.port, name: props.portName }],
          envVariables: {
            DATABASE_URL: kplus.EnvValue.fromSecretValue({
              secret: kplus.Secret.fromSecretName(this, 'DatabaseSecret', props.databaseUrlSecret.name),
              key: props.databaseUrlSecret.key,
            }),
            ...mediaCredentials(this, props.mediaCredentialsSecret),
          },
          envFrom: [kplus.Env.fromConfigMap(props.configMap)],
          resources: {
            cpu: {
              request: kplus.Cpu.millis(requests.cpuMillicores),
              limit: kplus.Cpu.millis(limits.cpuMillicores),
            },
            memory: { request: Size.mebibytes(requests.memoryMi), limit: Size.mebibytes(limits.memoryMi) },
          },
          securityContext: {
            ensureNonRoot: true,
            user,
            group: user,
            privileged: false,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          },
          // Up to a minute to boot (cold caches, migrations), then checked every 10 s.
          startup: probe({ periodSeconds: Duration.seconds(2), failureThreshold: 30 }),
          readiness: probe({ periodSeconds: Duration.seconds(10), failureThreshold: 3 }),
          liveness: probe({ periodSeconds: Duration.seconds(10), failureThreshold: 6 }),
          // The root filesystem is read-only; the theme writes temporary files here.
          volumeMounts: [
            {
              path: '/tmp',
              volume: kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp', { sizeLimit: Size.mebibytes(256) }),
            },
          ],
        },
      ],
    });
    this.deployment.select(kplus.LabelSelector.of({ labels: { ...props.selector } }));

    const apiObject = ApiObject.of(this.deployment);
    // cdk8s-plus labels pods with their construct path; the path is not part of our contract.
    apiObject.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    // cdk8s-plus-27 has no setting for these restricted Pod Security fields (its Capability enum
    // has no ALL).
    apiObject.addJsonPatch(
      JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
      JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }),
    );
    if (props.maxReplicas > 1) {
      apiObject.addJsonPatch(
        JsonPatch.add(
          '/spec/template/spec/topologySpreadConstraints',
          ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
            maxSkew: 1,
            topologyKey,
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { ...props.selector } },
          })),
        ),
      );
    }
    explain(
      this.deployment,
      'Selector pinned to tenant + component: it is immutable, so theme, tier or library changes must never alter it.',
    );
  }
}

/** The S3 key pair by reference (secretKeyRef): the values never pass through synth or git. */
function mediaCredentials(scope: Construct, secretName: string): Record<string, kplus.EnvValue> {
  const secret = kplus.Secret.fromSecretName(scope, 'MediaSecret', secretName);
  return Object.fromEntries(
    ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((key) => [
      key,
      kplus.EnvValue.fromSecretValue({ secret, key }, { optional: true }),
    ]),
  );
}
