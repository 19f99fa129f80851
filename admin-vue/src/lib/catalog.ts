/**
 * What the product offers, as data (STYLE §2: presets are tables). Project
 * types decide the theme and the default plugins at registration; plugins
 * decide which sections the sidebar shows.
 */
import type { ProjectType, Tier } from '../api/models';

export interface ThemeInfo {
  name: string;
  label: string;
  description: string;
}

export interface PluginInfo {
  id: string;
  label: string;
  /** What the sidebar section is about. */
  description: string;
}

export interface ProjectTypeInfo {
  id: ProjectType;
  label: string;
  description: string;
  theme: string;
  plugins: string[];
}

export const themes: ThemeInfo[] = [
  {
    name: 'luster-starter',
    label: 'Luster Starter',
    description: 'Pages, blog and media for a company site',
  },
  {
    name: 'luster-ecommerce-starter',
    label: 'Luster E-commerce Starter',
    description: 'Catalogue, cart and checkout on top of the starter',
  },
];

export const plugins: PluginInfo[] = [
  {
    id: 'seo-assistant',
    label: 'SEO Assistant',
    description: 'Titles, descriptions and sitemaps',
  },
  { id: 'ecommerce', label: 'E-commerce', description: 'Shop, products and orders' },
  { id: 'linkedin-publisher', label: 'LinkedIn Publisher', description: 'Schedule posts' },
  { id: 'calendar', label: 'Calendar', description: 'Events' },
  { id: 'analytics', label: 'Analytics', description: 'Traffic and conversions' },
  { id: 'forms', label: 'Forms', description: 'Contact and lead forms' },
];

export const projectTypes: ProjectTypeInfo[] = [
  {
    id: 'website',
    label: 'Website',
    description: 'A fast company or personal site with pages, blog and media.',
    theme: 'luster-starter',
    plugins: ['seo-assistant'],
  },
  {
    id: 'ecommerce',
    label: 'E-commerce',
    description: 'An online shop: products, cart, checkout and orders.',
    theme: 'luster-ecommerce-starter',
    plugins: ['ecommerce', 'seo-assistant'],
  },
];

export const tiers: { id: Tier; label: string; description: string }[] = [
  { id: 'starter', label: 'Starter', description: '1 replica, small database' },
  { id: 'pro', label: 'Pro', description: 'Autoscaling, larger database' },
  { id: 'enterprise', label: 'Enterprise', description: 'High availability, dedicated resources' },
];

/** Plugin ids may arrive as `seo-assistant`, `seo_assistant` or `SEO Assistant`. */
export function pluginInfo(id: string): PluginInfo {
  const key = id
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^e-commerce$/, 'ecommerce');
  return plugins.find((p) => p.id === key) ?? { id, label: id, description: '' };
}

export function themeLabel(name?: string | null): string {
  if (!name) return '—';
  return themes.find((t) => t.name === name)?.label ?? name;
}
