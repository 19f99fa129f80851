import { describe, expect, it } from 'vitest';
import { applyBranding, contrastText, safeColour } from './branding';

describe('white-label branding', () => {
  it('applies the organization colours, name, footer and support contact', () => {
    const b = applyBranding({
      appName: 'Agency Studio',
      primaryColor: '#0f766e',
      accentColor: '#f59e0b',
      footerText: '© Agency',
      supportEmail: 'help@agency.test',
      logoUrl: 'https://cdn.agency.test/logo.svg',
    });
    expect(b.appName).toBe('Agency Studio');
    expect(b.style).toEqual({ '--brand': '#0f766e', '--brand-contrast': '#ffffff', '--accent': '#f59e0b' });
    expect(b.logoUrl).toBe('https://cdn.agency.test/logo.svg');
    expect(b.footerText).toBe('© Agency');
    expect(b.supportEmail).toBe('help@agency.test');
  });

  it('falls back to Luster when there is no branding', () => {
    expect(applyBranding(null)).toMatchObject({ appName: 'Luster', logoUrl: null, style: {} });
  });

  it('refuses values that could inject CSS or scripts', () => {
    expect(safeColour('red; background: url(x)')).toBeNull();
    expect(applyBranding({ logoUrl: 'javascript:alert(1)' })).toMatchObject({ logoUrl: null });
  });

  it('picks readable text for light and dark brand colours', () => {
    expect(contrastText('#ffeb3b')).toBe('#000000');
    expect(contrastText('#1e3a8a')).toBe('#ffffff');
    expect(contrastText('#fff')).toBe('#000000');
  });
});
