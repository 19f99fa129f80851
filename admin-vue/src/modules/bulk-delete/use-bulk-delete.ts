import { tenantTransitions } from '@luster/contract';
import { computed, reactive, ref } from 'vue';
import type { FileDiff, Organization } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

export type BulkStep = 'choose' | 'preview' | 'requesting';

/** What a superadmin reads before confirming: per organization, the files its purge would change. */
export interface PurgePreview {
  org: Organization;
  files: FileDiff[];
}

/** The server's limit on one bulk deletion (bulkBody in control-plane/src/changes). */
export const BULK_MAX = 500;

/** What must be typed to confirm: the count, so a slip cannot confirm more than was read. */
export const confirmPhrase = (count: number) => `delete ${count} organization${count === 1 ? '' : 's'}`;

/**
 * A bulk deletion: only organizations a bulk deletion may take (deprovisioned ones, from the
 * contract's table) are listed, filtered by a search; the superadmin chooses some, gives a reason,
 * reads what each purge would change (the server renders every one, committing nothing), then
 * confirms by typing the count. The request becomes one change awaiting two other superadmins.
 */
export function useBulkDelete(onRequested: (changeId: string) => void) {
  const api = useApi();
  const eligible = useResource(async () => {
    const states = tenantTransitions.bulk_delete.from;
    const pages = await Promise.all(
      states.map((state) => api.organizations.list({ state, limit: BULK_MAX }, null)),
    );
    return pages.flatMap((p) => p.items).sort((a, b) => a.name.localeCompare(b.name));
  });
  const search = ref('');
  const chosen = reactive(new Set<string>());
  const reason = ref('');
  const step = ref<BulkStep>('choose');
  const previews = ref<PurgePreview[]>([]);
  const previewing = ref(false);
  const error = ref<string | null>(null);

  const shown = computed(() => {
    const needle = search.value.trim().toLowerCase();
    return (eligible.data.value ?? []).filter(
      (o) => !needle || o.name.toLowerCase().includes(needle) || o.slug.includes(needle),
    );
  });
  const selected = computed(() => (eligible.data.value ?? []).filter((o) => chosen.has(o.id)));
  const allShownChosen = computed(() => shown.value.length > 0 && shown.value.every((o) => chosen.has(o.id)));
  const reasonProblem = computed(() => (reason.value.trim() ? null : 'Say why these organizations go.'));
  const canPreview = computed(
    () => selected.value.length > 0 && selected.value.length <= BULK_MAX && !reasonProblem.value,
  );

  function toggle(id: string): void {
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
  }

  /** Chooses every organization the search shows, or none of them when all already are. */
  function toggleShown(): void {
    const all = allShownChosen.value;
    for (const o of shown.value) {
      if (all) chosen.delete(o.id);
      else chosen.add(o.id);
    }
  }

  async function preview(): Promise<void> {
    if (!canPreview.value || previewing.value) return;
    previewing.value = true;
    error.value = null;
    try {
      const orgs = selected.value;
      const files = await Promise.all(
        orgs.map(
          async (org) =>
            (await api.organizations.preview(org.id, { kind: 'purge', reason: reason.value.trim() })).files,
        ),
      );
      previews.value = orgs.map((org, i) => ({ org, files: files[i] ?? [] }));
      step.value = 'preview';
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      previewing.value = false;
    }
  }

  /** Requests exactly what was previewed. */
  async function request(): Promise<void> {
    if (step.value !== 'preview') return;
    step.value = 'requesting';
    error.value = null;
    try {
      const change = await api.changeRequests.bulkDelete(
        previews.value.map((p) => p.org.id),
        reason.value.trim(),
      );
      onRequested(change.id);
    } catch (e) {
      error.value = errorMessage(e);
      step.value = 'preview';
    }
  }

  function back(): void {
    step.value = 'choose';
    previews.value = [];
    error.value = null;
  }

  return {
    eligible,
    search,
    chosen,
    reason,
    reasonProblem,
    step,
    shown,
    selected,
    allShownChosen,
    canPreview,
    previews,
    previewing,
    error,
    toggle,
    toggleShown,
    preview,
    request,
    back,
  };
}
