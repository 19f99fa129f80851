import { computed, ref, shallowRef } from 'vue';
import type { ActionResult, FileDiff, TenantAction } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

export type ActionPhase = 'idle' | 'previewing' | 'preview' | 'applying' | 'done';

/**
 * Every tenant action goes through the same two steps: the server renders the
 * change without committing it (a dry run) and the person reads the diff; only
 * then is it committed, straight to main or as a change request for review.
 */
export function useTenantAction(id: () => string, onApplied?: (result: ActionResult) => void) {
  const api = useApi();
  const phase = ref<ActionPhase>('idle');
  const action = ref<TenantAction | null>(null);
  const files = ref<FileDiff[]>([]);
  const result = ref<ActionResult | null>(null);
  const error = ref<string | null>(null);
  /** The last refusal itself, for forms that say it beside the field it names (`fieldErrors`). */
  const failure = shallowRef<unknown>(null);
  const nothingChanges = computed(() => phase.value === 'preview' && files.value.length === 0);

  async function preview(next: TenantAction): Promise<void> {
    action.value = next;
    phase.value = 'previewing';
    error.value = null;
    failure.value = null;
    result.value = null;
    try {
      const answer = await api.organizations.preview(id(), next);
      files.value = answer.files;
      phase.value = 'preview';
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
      phase.value = 'idle';
    }
  }

  /** Commits what was previewed — never anything that was not. */
  async function confirm(): Promise<void> {
    if (phase.value !== 'preview' || !action.value || nothingChanges.value) return;
    phase.value = 'applying';
    error.value = null;
    failure.value = null;
    try {
      result.value = await api.organizations.apply(id(), action.value);
      phase.value = 'done';
      onApplied?.(result.value);
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
      phase.value = 'preview';
    }
  }

  function cancel(): void {
    phase.value = 'idle';
    action.value = null;
    files.value = [];
    error.value = null;
    failure.value = null;
  }

  return {
    phase,
    action,
    files,
    result,
    error,
    failure,
    nothingChanges,
    preview,
    confirm,
    cancel,
  };
}
