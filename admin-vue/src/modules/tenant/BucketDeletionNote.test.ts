import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BucketDeletionNote from './BucketDeletionNote.vue';

const bucket = 'org-acme-media';

describe("a purge's history entry and its media bucket", () => {
  it('says deletion pending until the bucket is gone, with the reason of a failed attempt', () => {
    const pending = mount(BucketDeletionNote, {
      props: { deletion: { bucket, state: 'pending', error: null, deletedAt: null } },
    });
    expect(pending.text()).toBe('Media bucket deletion pending: org-acme-media');
    const failing = mount(BucketDeletionNote, {
      props: { deletion: { bucket, state: 'failed', error: 'connect ECONNREFUSED', deletedAt: null } },
    });
    expect(failing.text()).toBe(
      'Media bucket deletion pending: org-acme-media, retrying — last attempt failed: connect ECONNREFUSED',
    );
    expect(failing.text()).not.toContain('deleted at');
  });

  it('says deleted, with the time S3 confirmed it', () => {
    const done = mount(BucketDeletionNote, {
      props: { deletion: { bucket, state: 'deleted', error: null, deletedAt: '2026-03-04T05:06:07.000Z' } },
    });
    expect(done.text()).toMatch(/^Media bucket org-acme-media deleted at \S/);
    expect(done.find('time').attributes('datetime')).toBe('2026-03-04T05:06:07.000Z');
    expect(done.text()).not.toContain('pending');
  });
});
