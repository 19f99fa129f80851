import type { Plugin } from 'vite';

export const adminDistDir: string;
export function adminDistIsFresh(): boolean;
export function stampAdminBuild(): Plugin;
