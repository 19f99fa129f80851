import { createHash } from 'node:crypto';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

export interface ThemeConfigMapProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Environment variables for the theme (plugins, branding, public URL …). */
  readonly data: Readonly<Record<string, string>>;
}

/** Settings the theme reads from its environment, with a hash of the content for rolling the pods. */
export class ThemeConfigMap extends Construct {
  readonly configMap: kplus.ConfigMap;
  /**
   * sha256 of the content. Written into the pod template, it makes a settings change roll the pods,
   * which otherwise keep the environment they started with.
   */
  readonly contentHash: string;

  constructor(scope: Construct, id: string, props: ThemeConfigMapProps) {
    super(scope, id);
    for (const key of Object.keys(props.data)) {
      if (!/^[A-Z_][A-Z0-9_]*$/.test(key))
        throw new RangeError(`'data' key '${key}' must be an environment variable name`);
    }
    const entries = Object.entries(props.data).sort(([a], [b]) => (a < b ? -1 : 1));
    this.contentHash = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      data: Object.fromEntries(entries),
    });
  }
}
