// CloudNativePG's ScheduledBackup takes a six-field cron expression (seconds first, robfig/cron),
// not the five-field crontab format.

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

/** Allowed values per field: seconds, minutes, hours, day of month, month, day of week. */
const FIELDS: readonly { name: string; min: number; max: number; question: boolean }[] = [
  { name: 'seconds', min: 0, max: 59, question: false },
  { name: 'minutes', min: 0, max: 59, question: false },
  { name: 'hours', min: 0, max: 23, question: false },
  { name: 'day of month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, question: false },
  { name: 'day of week', min: 0, max: 6, question: true },
];

const PART = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

function fieldProblem(value: string, field: (typeof FIELDS)[number]): string | null {
  if (value === '?' && field.question) return null;
  for (const part of value.split(',')) {
    const match = PART.exec(part);
    if (!match) return `${field.name} '${value}' is not a number, range, list or step`;
    for (const bound of [match[2], match[3]]) {
      if (bound !== undefined && (Number(bound) < field.min || Number(bound) > field.max)) {
        return `${field.name} ${bound} is outside ${field.min}-${field.max}`;
      }
    }
    if (match[4] !== undefined && Number(match[4]) === 0) return `${field.name} step must not be 0`;
  }
  return null;
}

/** Why `schedule` is not a six-field cron expression, or `null` when it is one. */
export function backupScheduleProblem(schedule: string): string | null {
  if (DESCRIPTORS.has(schedule)) return null;
  const values = schedule.trim().split(/\s+/);
  if (values.length !== FIELDS.length) {
    return `must have 6 fields (seconds minutes hours day-of-month month day-of-week), has ${values.length}`;
  }
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(values[index] ?? '', field);
    if (problem) return problem;
  }
  return null;
}

/**
 * The schedule used when a spec names none: daily, at a time between 01:00 and 04:59 derived from
 * the slug, so that thousands of tenants do not all start their backups in the same minute.
 */
export function defaultBackupSchedule(slug: string): string {
  // FNV-1a: stable across processes and Node versions, unlike anything seeded.
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const slot = hash % 240;
  return `0 ${slot % 60} ${1 + Math.floor(slot / 60)} * * *`;
}
