import { ref } from 'vue';
import type { FileDiff, RevertResult } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

export type RevertPhase = 'idle' | 'previewing' | 'preview' | 'reverting' | 'done';

/**
 * Returning a tenant to its state right after one of its changes, as every change is made: the
 * server renders the revert without committing it, the person reads the diff, then confirms.
 */
export function useRevert(orgId: () => string, onReverted?: (change: RevertResult) => void) {
  const api = useApi();
  /** The change whose recorded state the revert returns to. */
  const target = ref<string | null>(null);
  const phase = ref<RevertPhase>('idle');
  const files = ref<FileDiff[]>([]);
  const result = ref<RevertResult | null>(null);
  const error = ref<string | null>(null);
  const reason = ref('');

  async function open(changeId: string): Promise<void> {
    target.value = changeId;
    phase.value = 'previewing';
    error.value = null;
    result.value = null;
    reason.value = '';
    try {
      files.value = (await api.organizations.previewRevert(orgId(), changeId)).files;
      if (target.value === changeId) phase.value = 'preview';
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'idle';
    }
  }

  /** Commits the revert that was previewed, never another. */
  async function confirm(): Promise<void> {
    if (phase.value !== 'preview' || !target.value || files.value.length === 0) return;
    phase.value = 'reverting';
    error.value = null;
    try {
      result.value = await api.organizations.revert(orgId(), target.value, reason.value.trim() || undefined);
      phase.value = 'done';
      onReverted?.(result.value);
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'preview';
    }
  }

  function close(): void {
    target.value = null;
    phase.value = 'idle';
    files.value = [];
    error.value = null;
  }

  return { target, phase, files, result, error, reason, open, confirm, close };
}
