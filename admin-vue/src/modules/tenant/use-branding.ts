import { computed, reactive, ref, watch } from 'vue';
import type { ActionResult, BrandingInput, Organization } from '../../api/models';
import { fieldErrors } from '../../messages';
import { applyBranding } from '../shell/branding';
import {
  type BrandingField,
  type BrandingProblems,
  brandingFields,
  brandingProblems,
  formOf,
  sameBranding,
  toBranding,
} from './branding-form';
import { useTenantAction } from './use-tenant-action';

/** The server's refusals of branding fields, by field (`body.branding.logoUrl` → `logoUrl`). */
function refusedFields(error: unknown): BrandingProblems {
  const named = fieldErrors(error, 'branding');
  return Object.fromEntries(brandingFields.flatMap((f) => (named[f] ? [[f, named[f]]] : [])));
}

/**
 * The Branding tab: a form that starts from the saved branding and is checked with synth's rules
 * as the person goes. Saving is a tenant action like any other — the diff first, then the commit
 * (or a change request awaiting review) — and the branding is sent whole: the server replaces it,
 * so a field left blank is a field removed.
 */
export function useBranding(org: () => Organization, onApplied?: (result: ActionResult) => void) {
  const action = useTenantAction(() => org().id, onApplied);
  const saved = computed(() => toBranding(formOf(org().branding)));
  const form = reactive(formOf(org().branding));
  const problems = ref<BrandingProblems>({});
  const wanted = computed(() => toBranding(form));
  const changed = computed(() => !sameBranding(wanted.value, saved.value));
  const hasBranding = computed(() => Object.keys(saved.value).length > 0);
  const busy = computed(() => action.phase.value === 'previewing' || action.phase.value === 'applying');
  const canPreview = computed(() => changed.value && !busy.value);
  /** The preview swatch: what the shell would apply, through the very function that applies it. */
  const look = computed(() => applyBranding(wanted.value));
  const removing = computed(() => {
    const a = action.action.value;
    return a?.kind === 'update' && !!a.patch.branding && Object.keys(a.patch.branding).length === 0;
  });
  /** A refusal naming a field is said beside it; only the others above the form. */
  const error = computed(() =>
    Object.keys(refusedFields(action.failure.value)).length > 0 ? null : action.error.value,
  );

  // A new saved branding (this commit, or someone else's) is where the form starts again; a
  // reload that brings the same branding leaves the person's edits alone.
  watch(saved, (next, before) => {
    if (!sameBranding(next, before)) Object.assign(form, formOf(next));
  });
  // A diff on screen must be the diff of what the form says.
  watch(
    () => ({ ...form }),
    () => {
      if (action.phase.value === 'preview') action.cancel();
    },
  );

  async function render(branding: BrandingInput): Promise<void> {
    await action.preview({ kind: 'update', patch: { branding } });
    problems.value = refusedFields(action.failure.value);
  }

  /** Checks every field, then asks the server for the diff of the new branding. */
  async function preview(): Promise<void> {
    if (!canPreview.value) return;
    problems.value = brandingProblems(form);
    if (Object.keys(problems.value).length > 0) return;
    await render(wanted.value);
  }

  /** `{}` removes the branding; the diff is the confirmation. */
  async function remove(): Promise<void> {
    if (!hasBranding.value || busy.value) return;
    problems.value = {};
    await render({});
  }

  async function confirm(): Promise<void> {
    await action.confirm();
    problems.value = refusedFields(action.failure.value);
  }

  /** A field's message goes while the person edits it … */
  function edited(field: BrandingField): void {
    problems.value = Object.fromEntries(Object.entries(problems.value).filter(([f]) => f !== field));
  }

  /** … and comes back, if still true, when they leave it. */
  function check(field: BrandingField): void {
    const problem = brandingProblems(form)[field];
    if (problem) problems.value = { ...problems.value, [field]: problem };
  }

  return {
    form,
    problems,
    error,
    phase: action.phase,
    files: action.files,
    nothingChanges: action.nothingChanges,
    result: action.result,
    changed,
    hasBranding,
    busy,
    canPreview,
    look,
    removing,
    preview,
    remove,
    confirm,
    cancel: action.cancel,
    edited,
    check,
  };
}
