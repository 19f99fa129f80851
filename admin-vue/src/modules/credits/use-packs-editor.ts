import { computed, reactive, ref } from 'vue';
import type { Pack } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage, fieldErrors } from '../../messages';
import { useSessionStore } from '../../stores/session';
import { parseCredits } from './credits-format';
import { parseMoney } from './money';
import { useRowSave } from './use-row-save';

export interface PackDraft {
  id: string;
  credits: string;
  /** The price as a person types it, in the currency's major unit ("19.99"). */
  price: string;
  currency: string;
  active: boolean;
}

/**
 * The credit packs superadmins offer (`credits.packs`): each one's credits, price and currency,
 * offered or withdrawn (a withdrawn pack stays for the purchases made with it), and a new one.
 */
export function usePacksEditor() {
  const api = useApi();
  const session = useSessionStore();
  const canEdit = computed(() => session.user?.platformActions.includes('credits.packs') ?? false);
  const packs = useResource(() => api.credits.packs());
  const draft = reactive<PackDraft>({ id: '', credits: '', price: '', currency: 'usd', active: true });
  const rows = useRowSave(packs.reload);
  const error = ref<string | null>(null);

  function put(id: string, input: { credits: number; amount: number; currency: string; active: boolean }) {
    return rows.save(
      id,
      id,
      async () => {
        error.value = null;
        await api.credits.setPack(id, input);
      },
      (e) => {
        error.value = Object.values(fieldErrors(e))[0] ?? errorMessage(e);
      },
    );
  }

  /** Offers a withdrawn pack again, or withdraws an offered one, keeping its price. */
  function toggle(pack: Pack): Promise<boolean> {
    const { credits, amount, currency } = pack;
    return put(pack.id, { credits, amount, currency, active: !pack.active });
  }

  /** Adds the drafted pack (an existing id is replaced, as the API does). */
  async function add(): Promise<void> {
    const id = draft.id.trim();
    const currency = draft.currency.trim().toLowerCase();
    const credits = parseCredits(draft.credits);
    const amount = /^[a-z]{3}$/.test(currency) ? parseMoney(draft.price, currency) : null;
    if (!id) error.value = 'Name the pack, e.g. starter.';
    else if (credits === null) error.value = 'Enter the credits as a whole number, at least 1.';
    else if (!/^[a-z]{3}$/.test(currency)) error.value = 'Enter a three-letter currency code, e.g. usd.';
    else if (amount === null) error.value = 'Enter the price, e.g. 19.99.';
    if (!id || credits === null || amount === null) return;
    if (await put(id, { credits, amount, currency, active: draft.active }))
      Object.assign(draft, { id: '', credits: '', price: '' });
  }

  return { canEdit, packs, draft, saving: rows.saving, error, saved: rows.saved, toggle, add };
}
