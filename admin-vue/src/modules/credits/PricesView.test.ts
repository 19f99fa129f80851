import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { User } from '../../api/models';
import { fakeApi, harness, mountWith, user } from '../../test-support/harness';
import PricesView from './PricesView.vue';

async function mountAs(
  as: User,
  setPrice = vi.fn(async (feature: string, credits: number) => ({ feature, credits })),
) {
  let table = [{ feature: 'seo.audit', credits: 20 }];
  const api = fakeApi({
    credits: {
      prices: async () => table,
      setPrice: async (feature: string, credits: number) => {
        const saved = await setPrice(feature, credits);
        table = [...table.filter((p) => p.feature !== feature), saved].sort((a, b) =>
          a.feature.localeCompare(b.feature),
        );
        return saved;
      },
    },
  });
  const wrapper = mountWith(PricesView, harness(api, as));
  await flushPromises();
  return { wrapper, setPrice };
}

describe('the price table', () => {
  it('is read-only for whoever lacks credits.prices', async () => {
    const { wrapper } = await mountAs(user('agency_admin'));
    expect(wrapper.find('tr[data-feature="seo.audit"]').text()).toContain('20');
    expect(wrapper.find('input').exists()).toBe(false);
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it("lets a superadmin change a price and add a feature's", async () => {
    const { wrapper, setPrice } = await mountAs(user('superadmin'));
    await wrapper.find('#price-seo\\.audit').setValue('25');
    await wrapper.find('tr[data-feature="seo.audit"] button').trigger('click');
    await flushPromises();
    await wrapper.find('#price-new-feature').setValue('ai.text');
    await wrapper.find('#price-new-credits').setValue('2');
    await wrapper.find('[data-testid="price-new"] button').trigger('click');
    await flushPromises();
    expect(setPrice.mock.calls).toEqual([
      ['seo.audit', 25],
      ['ai.text', 2],
    ]);
    expect(wrapper.find<HTMLInputElement>('#price-ai\\.text').element.value).toBe('2');
    expect(wrapper.find('[data-testid="price-saved"]').text()).toBe('The price of ai.text is saved.');
  });

  it('refuses a price that is not a whole number before sending, and says a refusal beside the row', async () => {
    const setPrice = vi.fn(async () => {
      throw new ApiError(400, 'invalid_input', 'bad', 'r', {
        issues: [
          {
            path: 'params.feature',
            message: 'must be lowercase letters, digits, dots, dashes or underscores',
          },
        ],
      });
    });
    const { wrapper } = await mountAs(user('superadmin'), setPrice);
    await wrapper.find('#price-new-feature').setValue('AI Text');
    await wrapper.find('#price-new-credits').setValue('1.5');
    await wrapper.find('[data-testid="price-new"] button').trigger('click');
    await flushPromises();
    expect(setPrice).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="price-new"] .field-error').text()).toBe(
      'Enter a whole number of credits, at least 1.',
    );
    await wrapper.find('#price-new-credits').setValue('3');
    await wrapper.find('[data-testid="price-new"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="price-new"] .field-error').text()).toBe(
      'Must be lowercase letters, digits, dots, dashes or underscores.',
    );
  });
});
