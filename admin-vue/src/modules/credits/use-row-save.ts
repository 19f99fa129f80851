import { ref } from 'vue';

/**
 * Saving one row of an editable table (the price table, the credit packs): one row at a time —
 * `saving` names it and the table's buttons wait —, `saved` names the last row written for the
 * confirmation, and the table is read again after each write.
 */
export function useRowSave(reload: () => Promise<void>) {
  const saving = ref<string | null>(null);
  const saved = ref<string | null>(null);

  /**
   * Writes `row` unless another row is saving; `label` names it in the confirmation. A refusal
   * goes to `refused`, which shows it where the table wants it. True when the write went through.
   */
  async function save(
    row: string,
    label: string,
    write: () => Promise<unknown>,
    refused: (error: unknown) => void,
  ): Promise<boolean> {
    if (saving.value) return false;
    saving.value = row;
    saved.value = null;
    try {
      await write();
      saved.value = label;
      await reload();
      return true;
    } catch (e) {
      refused(e);
      return false;
    } finally {
      saving.value = null;
    }
  }

  return { saving, saved, save };
}
