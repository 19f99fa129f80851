import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ConfirmByTyping from './ConfirmByTyping.vue';

function mountConfirm(props: { expected: string; confirmLabel?: string; busy?: boolean }) {
  return mount(ConfirmByTyping, { props, slots: { default: '<p data-testid="what">Remove Cleo?</p>' } });
}

const button = (w: ReturnType<typeof mountConfirm>) => w.find('[data-testid=confirm-typing-submit]');

describe('confirmation by typing', () => {
  it('names what to type, shows the caller’s explanation and labels the button', () => {
    const w = mountConfirm({ expected: 'cleo@acme.test', confirmLabel: 'Remove member' });
    expect(w.find('label').text()).toBe('Type cleo@acme.test to confirm');
    expect(w.find('label').attributes('for')).toBe(w.find('input').attributes('id'));
    expect(w.find('[data-testid=what]').text()).toBe('Remove Cleo?');
    expect(button(w).text()).toBe('Remove member');
  });

  it.each([
    ['nothing', '', true],
    ['part of the name', 'cleo@', true],
    ['the name in other letter case', 'Cleo@Acme.test', true],
    ['the exact name', 'cleo@acme.test', false],
    ['the name with spaces around it', '  cleo@acme.test ', false],
  ])('with %s typed the button is disabled: %s', async (_what, typed, disabled) => {
    const w = mountConfirm({ expected: 'cleo@acme.test' });
    await w.find('input').setValue(typed);
    expect(button(w).attributes('disabled') !== undefined).toBe(disabled);
  });

  it('confirms only once the name is typed, also by pressing Enter', async () => {
    const w = mountConfirm({ expected: 'acme' });
    await w.find('form').trigger('submit');
    expect(w.emitted('confirm')).toBeUndefined();
    await w.find('input').setValue('acme');
    await w.find('form').trigger('submit');
    expect(w.emitted('confirm')).toHaveLength(1);
  });

  it('does not confirm again while the action runs', async () => {
    const w = mountConfirm({ expected: 'acme', busy: true });
    await w.find('input').setValue('acme');
    expect(button(w).attributes('disabled')).toBeDefined();
    await w.find('form').trigger('submit');
    expect(w.emitted('confirm')).toBeUndefined();
  });

  it('forgets what was typed when it is asked to confirm something else', async () => {
    const w = mountConfirm({ expected: 'cleo@acme.test' });
    await w.find('input').setValue('cleo@acme.test');
    await w.setProps({ expected: 'dan@acme.test' });
    expect((w.find('input').element as HTMLInputElement).value).toBe('');
    expect(button(w).attributes('disabled')).toBeDefined();
  });

  it('lets the person back out', async () => {
    const w = mountConfirm({ expected: 'acme' });
    await w.find('[data-testid=confirm-typing-cancel]').trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
    expect(w.emitted('confirm')).toBeUndefined();
  });
});
