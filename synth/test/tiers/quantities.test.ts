import { describe, expect, it } from 'vitest';
import { cpuQuantity, memoryQuantity, storageQuantity } from '../../src/tiers/quantities.js';

describe('quantities', () => {
  it.each([
    [250, '250m'],
    [1000, '1'],
    [1500, '1500m'],
    [14000, '14'],
  ])('cpu %d millicores → %s', (millicores, quantity) => {
    expect(cpuQuantity(millicores)).toBe(quantity);
  });

  it.each([
    [128, '128Mi'],
    [1024, '1Gi'],
    [1536, '1536Mi'],
  ])('memory %d MiB → %s', (mebibytes, quantity) => {
    expect(memoryQuantity(mebibytes)).toBe(quantity);
  });

  it('writes storage in GiB', () => {
    expect(storageQuantity(20)).toBe('20Gi');
  });
});
