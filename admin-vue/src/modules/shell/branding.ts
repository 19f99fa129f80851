import type { Branding } from '../../api/models';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Only plain hex colours reach CSS: a branding value can never inject styles. */
export function safeColour(value?: string | null): string | null {
  return value && HEX.test(value.trim()) ? value.trim() : null;
}

/** Black or white text, whichever reads better on the colour (WCAG relative luminance). */
export function contrastText(hex: string): '#000000' | '#ffffff' {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.35 ? '#000000' : '#ffffff';
}

export interface AppliedBranding {
  appName: string;
  logoUrl: string | null;
  footerText: string | null;
  supportEmail: string | null;
  /** CSS custom properties for the shell's root element. */
  style: Record<string, string>;
}

/** The organization's white-label settings, or Luster's own when it has none. */
export function applyBranding(branding?: Branding | null): AppliedBranding {
  const primary = safeColour(branding?.primaryColor);
  const accent = safeColour(branding?.accentColor);
  const style: Record<string, string> = {};
  if (primary) {
    style['--brand'] = primary;
    style['--brand-contrast'] = contrastText(primary);
  }
  if (accent) style['--accent'] = accent;
  const logo = branding?.logoUrl?.trim();
  return {
    appName: branding?.appName?.trim() || 'Luster',
    logoUrl: logo && /^(https:\/\/|\/|data:image\/)/.test(logo) ? logo : null,
    footerText: branding?.footerText?.trim() || null,
    supportEmail: branding?.supportEmail?.trim() || null,
    style,
  };
}
