import { reactive, ref, shallowRef, watch } from 'vue';
import type { Movement } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { errorMessage, fieldErrors } from '../../messages';
import { parseCredits } from './credits-format';
import { newIdempotencyKey } from './idempotency-key';

export type MovementKind = 'grant' | 'takeBack';

/**
 * A grant or a takeback of credits to `target()` (an organization id; null while none is
 * chosen). One idempotency key per intended movement: it changes when the amount, reason or
 * target change or once a movement succeeded, never between two submits of the same values.
 */
export function useMovement(
  kind: MovementKind,
  target: () => string | null,
  onDone: (movement: Movement) => void | Promise<void>,
) {
  const api = useApi();
  const form = reactive({ amount: '', reason: '' });
  const submitting = ref(false);
  const error = ref<string | null>(null);
  const amountError = ref<string | null>(null);
  const done = shallowRef<Movement | null>(null);
  let key = newIdempotencyKey();

  // Synchronous: a value changed and submitted in the same tick must already have its own key.
  watch(
    [() => form.amount, () => form.reason, target],
    () => {
      key = newIdempotencyKey();
      amountError.value = null;
    },
    { flush: 'sync' },
  );

  async function submit(): Promise<void> {
    if (submitting.value) return;
    error.value = null;
    done.value = null;
    const to = target();
    const amount = parseCredits(form.amount);
    if (amount === null) {
      amountError.value = 'Enter a whole number of credits, at least 1.';
      return;
    }
    if (!to) {
      error.value = 'Choose the organization first.';
      return;
    }
    submitting.value = true;
    const reason = form.reason.trim();
    try {
      const movement = await api.credits[kind](to, {
        amount,
        idempotencyKey: key,
        ...(reason ? { reason } : {}),
      });
      done.value = movement;
      form.amount = '';
      form.reason = '';
      key = newIdempotencyKey();
      await onDone(movement);
    } catch (e) {
      const named = fieldErrors(e);
      amountError.value = named.amount ?? null;
      error.value = amountError.value ? null : errorMessage(e);
    } finally {
      submitting.value = false;
    }
  }

  return { form, submitting, error, amountError, done, submit };
}
