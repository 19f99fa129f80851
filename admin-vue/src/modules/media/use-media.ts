import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { ApiError } from '../../api';
import type { MediaItem, MediaKind, MediaStatus } from '../../api/media';
import { useApi } from '../../composables/use-api';
import { usePagedList } from '../../composables/use-paged-list';
import { errorMessage } from '../../messages';
import { monthQuery } from './media-format';
import { putToS3 } from './put-to-s3';

/** One file on its way: the bar shows `sent` of `total`; `error` when it did not make it. */
export interface UploadRow {
  id: number;
  name: string;
  sent: number;
  total: number;
  state: 'uploading' | 'done' | 'failed';
  error: string | null;
}

/**
 * A media library: one organization's (the tab) or every visible organization's (`organizationId`
 * null: the agency-wide page). Lists with the month and type filters, page by page; uploads each
 * file straight to S3 through a presigned PUT, then has the control plane record it; deletes;
 * and reads the upload target's bucket status for the usage bar.
 */
export function useMedia(scope: () => { organizationId: string | null; uploadTarget: string | null }) {
  const api = useApi();
  const filters = reactive({ month: '', type: '' as MediaKind | '' });
  const status = shallowRef<MediaStatus>(null);
  const uploads = ref<UploadRow[]>([]);
  const actionError = ref<string | null>(null);
  /** Upload under public/: served by the CDN at a permanent URL (the server refuses it without one). */
  const publicUpload = ref(false);
  let uploadIds = 0;

  function query(cursor: string | null) {
    return {
      ...monthQuery(filters.month),
      ...(filters.type ? { type: filters.type } : {}),
      ...(cursor ? { cursor } : {}),
      limit: 48,
    };
  }

  // reload: the first page again (after a filter changed, an upload or a deletion).
  const { items, nextCursor, loading, error, reload, loadMore } = usePagedList<MediaItem>((cursor) => {
    const { organizationId } = scope();
    return organizationId ? api.media.list(organizationId, query(cursor)) : api.media.listAll(query(cursor));
  });

  async function loadStatus(): Promise<void> {
    const target = scope().uploadTarget;
    try {
      status.value = target ? await api.media.status(target) : null;
    } catch {
      // The usage bar is a hint; the listing and the uploads report their own failures.
      status.value = null;
    }
  }

  /** Presign, PUT to S3 with progress, record — each file on its own, so one failure stops no other. */
  async function upload(files: readonly File[]): Promise<void> {
    const target = scope().uploadTarget;
    if (!target || files.length === 0) return;
    await Promise.all(
      files.map(async (file) => {
        uploads.value.push({
          id: ++uploadIds,
          name: file.name,
          sent: 0,
          total: file.size,
          state: 'uploading',
          error: null,
        });
        // The reactive proxy of the row just added, so progress updates re-render it.
        const row = uploads.value[uploads.value.length - 1] as UploadRow;
        try {
          const presigned = await api.media.createUpload(target, {
            name: file.name,
            contentType: file.type || 'application/octet-stream',
            size: file.size,
            ...(publicUpload.value ? { public: true } : {}),
          });
          await putToS3(presigned, file, (sent, total) => {
            row.sent = sent;
            row.total = total;
          });
          await api.media.complete(target, presigned.key);
          row.sent = row.total;
          row.state = 'done';
        } catch (e) {
          row.state = 'failed';
          // S3's own refusal (putToS3) says what happened in its message; the API's goes through the table.
          row.error = e instanceof ApiError ? errorMessage(e) : (e as Error).message;
        }
      }),
    );
    await Promise.all([reload(), loadStatus()]);
  }

  async function remove(item: MediaItem): Promise<boolean> {
    actionError.value = null;
    try {
      await api.media.remove(item.organizationId, item.key);
      items.value = items.value.filter(
        (i) => !(i.organizationId === item.organizationId && i.key === item.key),
      );
      await loadStatus();
      return true;
    } catch (e) {
      actionError.value = errorMessage(e);
      return false;
    }
  }

  /** Forgets the finished rows, keeping the ones still uploading. */
  function clearFinished(): void {
    uploads.value = uploads.value.filter((u) => u.state === 'uploading');
  }

  watch(
    () => [filters.month, filters.type],
    () => void reload(),
  );
  watch(
    () => scope().uploadTarget,
    () => void loadStatus(),
  );

  const uploading = computed(() => uploads.value.some((u) => u.state === 'uploading'));
  return {
    filters,
    items,
    nextCursor,
    loading,
    error,
    status,
    uploads,
    uploading,
    actionError,
    publicUpload,
    reload,
    loadMore,
    loadStatus,
    upload,
    remove,
    clearFinished,
  };
}
