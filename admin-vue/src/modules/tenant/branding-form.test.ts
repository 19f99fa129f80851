import { describe, expect, it } from 'vitest';
import { type BrandingForm, brandingProblems, formOf, sameBranding, toBranding } from './branding-form';

const blank = formOf({});
const withField = (field: keyof BrandingForm, value: string): BrandingForm => ({ ...blank, [field]: value });

describe('the branding rules (synth’s brandingSchema)', () => {
  it.each([
    ['appName', 'Acme Studio'],
    ['appName', 'x'.repeat(60)],
    ['logoUrl', 'https://cdn.acme.test/logo.svg'],
    ['primaryColor', '#1a2b3c'],
    ['primaryColor', '#ABC'],
    ['accentColor', '  #ff8800  '],
    ['footerText', 'y'.repeat(200)],
    ['supportEmail', 'help@acme.test'],
  ] as const)('accepts %s %j', (field, value) => {
    expect(brandingProblems(withField(field, value))).toEqual({});
  });

  it.each([
    ['appName', 'x'.repeat(61), 'At most 60 characters (61 now).'],
    ['logoUrl', 'http://cdn.acme.test/logo.svg', 'Must be an https URL.'],
    ['logoUrl', 'https://', 'Must be an https URL.'],
    ['logoUrl', 'logo.svg', 'Must be an https URL.'],
    ['primaryColor', 'red', 'Must be a hex color such as #1a2b3c.'],
    ['primaryColor', '#12345', 'Must be a hex color such as #1a2b3c.'],
    ['accentColor', '#ggg', 'Must be a hex color such as #1a2b3c.'],
    ['footerText', 'y'.repeat(201), 'At most 200 characters (201 now).'],
    ['supportEmail', 'help@acme', 'Invalid email address.'],
  ] as const)('refuses %s %j', (field, value, message) => {
    expect(brandingProblems(withField(field, value))).toEqual({ [field]: message });
  });

  it('lets every field stay blank', () => {
    expect(brandingProblems({ ...blank, appName: '   ' })).toEqual({});
  });
});

describe('what the form sends', () => {
  it('sends trimmed values and leaves blank fields out', () => {
    expect(toBranding({ ...blank, appName: ' Acme ', primaryColor: '#123456', footerText: '  ' })).toEqual({
      appName: 'Acme',
      primaryColor: '#123456',
    });
  });

  it('starts from the saved branding, with every field blank when there is none', () => {
    expect(formOf({ appName: 'Acme', supportEmail: 'help@acme.test' })).toEqual({
      ...blank,
      appName: 'Acme',
      supportEmail: 'help@acme.test',
    });
    expect(formOf(null)).toEqual(formOf({}));
    expect(Object.values(blank).every((v) => v === '')).toBe(true);
  });

  it('tells a change from the saved branding', () => {
    expect(sameBranding({ appName: 'Acme' }, { appName: 'Acme' })).toBe(true);
    expect(sameBranding({ appName: 'Acme' }, {})).toBe(false);
    expect(sameBranding({}, { accentColor: '#fff' })).toBe(false);
  });
});
