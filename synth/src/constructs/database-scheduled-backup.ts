import { Construct } from 'constructs';
import {
  ScheduledBackup,
  ScheduledBackupSpecBackupOwnerReference,
  ScheduledBackupSpecMethod,
} from '../imports/postgresql.cnpg.io.js';
import { explain } from '../output/explain.js';
import { backupScheduleProblem } from '../spec/backup-schedule.js';
import { retentionAnnotations, retentionNote } from './annotations.js';

export interface DatabaseScheduledBackupProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The CloudNativePG Cluster to back up. */
  readonly clusterName: string;
  /** Six-field cron expression, seconds first. */
  readonly schedule: string;
  /**
   * Whether Flux must never prune the schedule; false only once a purge is approved.
   * @default true
   */
  readonly retained?: boolean;
}

/** A base backup of the tenant's database to the object store on a schedule (WAL is archived continuously). */
export class DatabaseScheduledBackup extends Construct {
  readonly apiObject: ScheduledBackup;

  constructor(scope: Construct, id: string, props: DatabaseScheduledBackupProps) {
    super(scope, id);
    const problem = backupScheduleProblem(props.schedule);
    if (problem) throw new RangeError(`'schedule' (${props.schedule}) ${problem}`);
    this.apiObject = new ScheduledBackup(this, 'Resource', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: { ...props.labels },
        annotations: retentionAnnotations(props.retained ?? true),
      },
      spec: {
        schedule: props.schedule,
        cluster: { name: props.clusterName },
        method: ScheduledBackupSpecMethod.BARMAN_OBJECT_STORE,
        // Take the first backup as soon as the cluster exists instead of waiting for the schedule.
        immediate: true,
        backupOwnerReference: ScheduledBackupSpecBackupOwnerReference.SELF,
      },
    });
    explain(this, retentionNote(props.retained ?? true, 'Not pruned, like the database it protects.'));
  }
}
