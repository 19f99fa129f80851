import { computed, reactive, ref } from 'vue';
import type { Price } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage, fieldErrors } from '../../messages';
import { useSessionStore } from '../../stores/session';
import { parseCredits } from './credits-format';
import { useRowSave } from './use-row-save';

/**
 * The platform's price table: what one unit of each metered feature costs in credits. Everyone
 * reads it; superadmins (`credits.prices` in `platformActions`) change a price or add a feature.
 */
export function usePrices() {
  const api = useApi();
  const session = useSessionStore();
  const prices = useResource<Price[]>(() => api.credits.prices());
  const canEdit = computed(() => session.user?.platformActions.includes('credits.prices') ?? false);
  /** What is typed per feature; the new feature's row is keyed ''. */
  const drafts = reactive<Record<string, string>>({});
  const newFeature = ref('');
  const rows = useRowSave(prices.reload);
  const errors = ref<Record<string, string>>({});

  function draft(price: Price): string {
    return drafts[price.feature] ?? String(price.credits);
  }

  /** Saves the price typed for `feature` ('' for the new feature's row). */
  async function save(feature: string): Promise<void> {
    if (rows.saving.value) return;
    const name = feature || newFeature.value.trim();
    const credits = parseCredits(drafts[feature] ?? '');
    rows.saved.value = null;
    errors.value = {};
    if (!name) {
      errors.value = { [feature]: 'Name the feature, e.g. ai.text.' };
      return;
    }
    if (credits === null) {
      errors.value = { [feature]: 'Enter a whole number of credits, at least 1.' };
      return;
    }
    await rows.save(
      feature,
      name,
      async () => {
        await api.credits.setPrice(name, credits);
        delete drafts[feature];
        if (!feature) newFeature.value = '';
      },
      (e) => {
        const named = fieldErrors(e);
        errors.value = { [feature]: named.feature ?? named.credits ?? errorMessage(e) };
      },
    );
  }

  return { prices, canEdit, drafts, draft, newFeature, saving: rows.saving, errors, saved: rows.saved, save };
}
