/**
 * Flux's post-build variable substitution (Kustomization spec.postBuild), for the forms this
 * repository uses: `${name}` and `${name:=default}`. Stricter than Flux on purpose: Flux would
 * silently write an empty string for an undefined variable; here that is an error naming it.
 */
export function fluxSubstitute(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?::=([^}]*))?\}/g,
    (_match, name: string, fallback?: string) => {
      const value = vars[name] ?? fallback;
      if (value === undefined) throw new Error(`variable \${${name}} is not defined`);
      return value;
    },
  );
}

/** The names of the variables a text uses. */
export function substitutionVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([_a-zA-Z][_a-zA-Z0-9]*)/g)].map((m) => m[1] ?? ''))].sort();
}
