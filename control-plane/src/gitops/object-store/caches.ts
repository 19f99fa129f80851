import type { TreeEntry } from 'isomorphic-git';

/* The repository handle's in-memory caches: objects are immutable by oid, so nothing here is ever stale. */

/** The order git stores entries in (folders compare as `name/`), so cached trees read like fresh ones. */
export function sortTree(entries: TreeEntry[]): TreeEntry[] {
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Least-recently-used map of parsed trees, bounded by the total number of entries held. */
export class TreeCache {
  private readonly map = new Map<string, readonly TreeEntry[]>();
  private size = 0;

  constructor(private readonly maxEntries: number) {}

  get(oid: string): readonly TreeEntry[] | undefined {
    const entries = this.map.get(oid);
    if (entries) {
      this.map.delete(oid);
      this.map.set(oid, entries);
    }
    return entries;
  }

  set(oid: string, entries: readonly TreeEntry[]): void {
    if (entries.length > this.maxEntries || this.get(oid)) return;
    this.map.set(oid, entries);
    this.size += entries.length;
    for (const [old, oldEntries] of this.map) {
      if (this.size <= this.maxEntries) break;
      this.map.delete(old);
      this.size -= oldEntries.length;
    }
  }
}

/** A Map that forgets its least recently used entries beyond `max`. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}
