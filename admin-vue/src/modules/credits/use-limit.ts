import { reactive, ref, watch } from 'vue';
import type { CreditSummary } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { errorMessage, fieldErrors } from '../../messages';
import { parseCredits } from './credits-format';

const limitFields = ['monthly', 'overdraft', 'lowBalanceThreshold'] as const;
export type LimitField = (typeof limitFields)[number];

/**
 * An ancestor's admin sets a client's monthly spend limit, overdraft and low-balance threshold.
 * The server replaces all three at once, so the form starts from the current values and an
 * empty field means "none" (no monthly cap, no overdraft, no low-balance mail).
 */
export function useLimit(
  organizationId: () => string,
  current: () => CreditSummary | null,
  onSaved: (summary: CreditSummary) => void,
) {
  const api = useApi();
  const form = reactive<Record<LimitField, string>>({ monthly: '', overdraft: '', lowBalanceThreshold: '' });
  const fields = ref<Partial<Record<LimitField, string>>>({});
  const error = ref<string | null>(null);
  const saving = ref(false);
  const saved = ref(false);

  function fill(summary: CreditSummary | null): void {
    form.monthly = summary?.limit.monthly?.toString() ?? '';
    form.overdraft = summary?.limit.overdraft ? String(summary.limit.overdraft) : '';
    form.lowBalanceThreshold = summary?.lowBalanceThreshold?.toString() ?? '';
  }
  watch(current, fill, { immediate: true });

  /** Blank is "none"; anything else must be a whole number (the threshold at least 1). */
  function read(field: LimitField): number | null | 'invalid' {
    const text = form[field].trim();
    if (!text) return null;
    return parseCredits(text, field === 'lowBalanceThreshold' ? 1 : 0) ?? 'invalid';
  }

  async function save(): Promise<void> {
    if (saving.value) return;
    saved.value = false;
    error.value = null;
    const values = Object.fromEntries(limitFields.map((f) => [f, read(f)])) as Record<
      LimitField,
      number | null | 'invalid'
    >;
    fields.value = Object.fromEntries(
      limitFields.flatMap((f) =>
        values[f] === 'invalid' ? [[f, 'Enter a whole number of credits, or leave it empty for none.']] : [],
      ),
    );
    if (Object.keys(fields.value).length > 0) return;
    const { monthly, overdraft, lowBalanceThreshold } = values as Record<LimitField, number | null>;
    saving.value = true;
    try {
      const summary = await api.credits.setLimit(organizationId(), {
        monthly,
        ...(overdraft !== null ? { overdraft } : {}),
        lowBalanceThreshold,
      });
      saved.value = true;
      onSaved(summary);
    } catch (e) {
      const named = fieldErrors(e);
      fields.value = Object.fromEntries(limitFields.flatMap((f) => (named[f] ? [[f, named[f]]] : [])));
      error.value = Object.keys(fields.value).length > 0 ? null : errorMessage(e);
    } finally {
      saving.value = false;
    }
  }

  return { form, fields, error, saving, saved, save };
}
