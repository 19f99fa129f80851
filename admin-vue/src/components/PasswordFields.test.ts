import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PasswordFields from './PasswordFields.vue';

const labels = (w: ReturnType<typeof mount>) => w.findAll('label').map((l) => l.text());

describe('the new-password fields', () => {
  it('shows one labelled field with the minimum length when no repeat is bound (registration)', () => {
    const w = mount(PasswordFields, { props: { id: 'reg-password', password: '', label: 'Password' } });
    expect(labels(w)).toEqual(['Password']);
    expect(w.find('label').attributes('for')).toBe('reg-password');
    expect(w.find('#reg-password-hint').text()).toBe('At least 12 characters.');
    expect(w.find('input').attributes('autocomplete')).toBe('new-password');
  });

  it('adds the repeat field when one is bound, and says the caller’s hint after the length', () => {
    const w = mount(PasswordFields, {
      props: {
        id: 'account-next',
        password: '',
        repeat: '',
        hint: 'Your other sessions will be signed out.',
      },
    });
    expect(labels(w)).toEqual(['New password', 'Repeat the new password']);
    expect(w.find('#account-next-hint').text()).toBe(
      'At least 12 characters. Your other sessions will be signed out.',
    );
  });

  it('hands what is typed back through both models and tells the parent the password was edited', async () => {
    const w = mount(PasswordFields, { props: { id: 'reset-password', password: '', repeat: '' } });
    await w.find('#reset-password').setValue('a-new-long-password');
    await w.find('#reset-password-repeat').setValue('a-new-long-passwor');
    expect(w.emitted('update:password')?.at(-1)).toEqual(['a-new-long-password']);
    expect(w.emitted('update:repeat')?.at(-1)).toEqual(['a-new-long-passwor']);
    expect(w.emitted('edited')).toHaveLength(1);
  });

  it('shows each error under its own field and marks that field invalid', () => {
    const w = mount(PasswordFields, {
      props: {
        id: 'p',
        password: 'x',
        repeat: 'y',
        passwordError: 'Too short.',
        repeatError: 'Not the same.',
      },
    });
    expect(w.find('#p-error').text()).toBe('Too short.');
    expect(w.find('#p-repeat-error').text()).toBe('Not the same.');
    expect(w.find('#p').attributes('aria-invalid')).toBe('true');
    expect(w.find('#p-repeat').attributes('aria-invalid')).toBe('true');
    const clean = mount(PasswordFields, { props: { id: 'q', password: '', repeat: '' } });
    expect(clean.find('.field-error').exists()).toBe(false);
    expect(clean.find('#q').attributes('aria-invalid')).toBe('false');
  });
});
