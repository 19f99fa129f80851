/**
 * The branding form's rules, mirroring synth's `brandingSchema` (synth/src/spec/tenant-spec.ts)
 * so a person hears about a mistake before the server refuses it, in the same words. The server
 * checks again with synth's own schema; these only have to agree with it.
 */
import type { Branding, BrandingInput } from '../../api/models';

export const brandingFields = [
  'appName',
  'logoUrl',
  'primaryColor',
  'accentColor',
  'footerText',
  'supportEmail',
] as const;
export type BrandingField = (typeof brandingFields)[number];
/** The text as typed; a blank field means "not set". */
export type BrandingForm = Record<BrandingField, string>;
export type BrandingProblems = Partial<Record<BrandingField, string>>;

export const brandingLabels: Record<BrandingField, string> = {
  appName: 'App name',
  logoUrl: 'Logo URL',
  primaryColor: 'Primary color',
  accentColor: 'Accent color',
  footerText: 'Footer text',
  supportEmail: 'Support email',
};

export const colorFields = ['primaryColor', 'accentColor'] as const satisfies readonly BrandingField[];

/** synth: `HEX_COLOR`. */
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** zod's `z.email()` pattern, which synth uses. */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_APP_NAME = 60;
const MAX_FOOTER = 200;

/**
 * synth accepts any URL whose protocol is https; `https:example.com` among them. The shell only
 * shows logos written `https://…`, so that is what is asked for here.
 */
function isHttpsUrl(value: string): boolean {
  if (!value.startsWith('https://')) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const rules: Record<BrandingField, (value: string) => string | null> = {
  appName: (v) => (v.length > MAX_APP_NAME ? `At most ${MAX_APP_NAME} characters (${v.length} now).` : null),
  logoUrl: (v) => (isHttpsUrl(v) ? null : 'Must be an https URL.'),
  primaryColor: (v) => (HEX_COLOR.test(v) ? null : 'Must be a hex color such as #1a2b3c.'),
  accentColor: (v) => (HEX_COLOR.test(v) ? null : 'Must be a hex color such as #1a2b3c.'),
  footerText: (v) => (v.length > MAX_FOOTER ? `At most ${MAX_FOOTER} characters (${v.length} now).` : null),
  supportEmail: (v) => (EMAIL.test(v) ? null : 'Invalid email address.'),
};

/** The form for a saved branding (`{}` or null: every field blank). */
export function formOf(branding?: Branding | null): BrandingForm {
  return Object.fromEntries(brandingFields.map((f) => [f, branding?.[f] ?? ''])) as BrandingForm;
}

/** What the PATCH sends: trimmed values, blank fields left out (synth refuses an empty app name). */
export function toBranding(form: BrandingForm): BrandingInput {
  const out: BrandingInput = {};
  for (const f of brandingFields) {
    const value = form[f].trim();
    if (value) out[f] = value;
  }
  return out;
}

/** Each field's problem, for the fields that have one; blank fields are always fine. */
export function brandingProblems(form: BrandingForm): BrandingProblems {
  const found: BrandingProblems = {};
  for (const [field, value] of Object.entries(toBranding(form)) as [BrandingField, string][]) {
    const problem = rules[field](value);
    if (problem) found[field] = problem;
  }
  return found;
}

export function sameBranding(a: BrandingInput, b: BrandingInput): boolean {
  return brandingFields.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}
