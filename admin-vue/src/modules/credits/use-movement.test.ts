import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import type { MovementInput } from '../../api/credits';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useMovement } from './use-movement';

const movement = (amount: number) => ({
  entry: { amount },
  replayed: false,
  summary: { organizationId: 'client', balance: amount },
});

function setup(answer: (input: MovementInput) => Promise<ReturnType<typeof movement>>) {
  const sent: MovementInput[] = [];
  const api = fakeApi({
    credits: {
      grant: async (_id: string, input: MovementInput) => {
        sent.push(input);
        return answer(input);
      },
    },
  });
  const { result } = withSetup(
    () =>
      useMovement(
        'grant',
        () => 'client',
        () => undefined,
      ),
    harness(api, user('agency_admin')),
  );
  return { m: result, sent };
}

describe('a grant form', () => {
  it('sends one grant for a double click', async () => {
    const { m, sent } = setup(async (input) => movement(input.amount));
    m.form.amount = '100';
    await flushPromises();
    await Promise.all([m.submit(), m.submit()]);
    expect(sent).toHaveLength(1);
    expect(m.done.value?.entry.amount).toBe(100);
  });

  it('retries a grant whose answer was lost with the same idempotency key, so the server moves it once', async () => {
    let calls = 0;
    const { m, sent } = setup(async (input) => {
      calls += 1;
      if (calls === 1) throw new ApiError(0, 'network_error', 'The control plane cannot be reached');
      return movement(input.amount);
    });
    m.form.amount = '100';
    m.form.reason = 'Launch';
    await flushPromises();
    await m.submit();
    expect(m.error.value).toMatch(/cannot be reached/);
    await m.submit();
    expect(sent.map((s) => s.idempotencyKey)).toEqual([sent[0]?.idempotencyKey, sent[0]?.idempotencyKey]);
    expect(sent[0]).toMatchObject({ amount: 100, reason: 'Launch' });
    expect(sent[0]?.idempotencyKey).toMatch(/^admin-[0-9a-f]{32}$/);
  });

  it('uses a new key for the next grant and for changed values', async () => {
    const { m, sent } = setup(async (input) => movement(input.amount));
    m.form.amount = '100';
    await flushPromises();
    await m.submit();
    expect(m.form.amount).toBe('');
    m.form.amount = '100';
    await flushPromises();
    await m.submit();
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(2);
  });

  it('refuses an amount that is not a whole number of credits before sending anything', async () => {
    const { m, sent } = setup(async (input) => movement(input.amount));
    m.form.amount = '1.5';
    await m.submit();
    expect(sent).toHaveLength(0);
    expect(m.amountError.value).toBe('Enter a whole number of credits, at least 1.');
  });

  it("says the server's refusal in the admin's words", async () => {
    const { m } = setup(async () => {
      throw new ApiError(402, 'insufficient_credits', 'Not enough credits', 'req-1', { balance: 5 });
    });
    m.form.amount = '100';
    await flushPromises();
    await m.submit();
    expect(m.error.value).toBe("The organization's credits do not cover this.");
    expect(m.done.value).toBeNull();
  });
});
