import type { MediaFilters, MediaKind } from '../../api/media';

/** 1536 → "1.5 KB": sizes as people read them (powers of 1024, one decimal under 10). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** What kind a content type is, for its icon and the type filter (the server's kinds). */
export function kindOf(contentType: string): MediaKind {
  const [top] = contentType.split('/');
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

/** `2026/12/photo-2.png` → `photo-2.png`. */
export function fileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The month filter's `YYYY-MM` (an `<input type="month">`) as the listing's year and month. */
export function monthQuery(month: string): Pick<MediaFilters, 'year' | 'month'> {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : {};
}

/** The share of the quota used, 0–100, for the usage bar (a quota of 0 counts as full). */
export function usedPercent(used: number, quota: number): number {
  if (quota <= 0) return 100;
  return Math.min(100, Math.round((used / quota) * 1000) / 10);
}
