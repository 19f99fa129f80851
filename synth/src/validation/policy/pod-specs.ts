import type { Manifest } from '../object-identity.js';
import { asArray, asObject, dig, type Json } from './policy-context.js';

export interface PodSpecAt {
  /** Field path of the pod spec, e.g. `spec.template.spec`. */
  readonly field: string;
  readonly spec: Json;
}

export interface ContainerAt {
  readonly field: string;
  readonly container: Json;
}

const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec a workload object runs, if it is one of the core workload kinds. */
export function podSpecOf(object: Manifest): PodSpecAt | undefined {
  const path = typeof object.kind === 'string' ? POD_SPEC_PATHS[object.kind] : undefined;
  const spec = path ? asObject(dig(object, path)) : undefined;
  return path && spec ? { field: path.join('.'), spec } : undefined;
}

/** Init containers and containers of a pod spec, with their field paths. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const list of ['initContainers', 'containers']) {
    for (const [index, item] of asArray(pod.spec[list]).entries()) {
      const container = asObject(item);
      if (container) out.push({ field: `${pod.field}.${list}[${index}]`, container });
    }
  }
  return out;
}
