import { slugify } from '@luster/contract';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import type { FileDiff, NewClientInput, NewClientResult, ProjectType, Tier } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { slugMessage } from '../../lib/slug';
import { errorMessage, fieldErrors } from '../../messages';
import { ALL, useOrgContextStore } from '../../stores/org-context';
import { clientParents } from './client-parents';

export type NewClientPhase = 'form' | 'previewing' | 'preview' | 'creating' | 'done';

/**
 * Adding a client organization as every other change is made: the server renders the new
 * tenant's files without creating anything, the person reads them, and only then is the client
 * created and its provisioning committed. Any edit after the preview asks for a new one, so what
 * is committed is always what was shown.
 */
export function useNewClient() {
  const api = useApi();
  const context = useOrgContextStore();

  /** Their agency (or agencies); for superadmins the platform too. */
  const parents = computed(() => clientParents(context.options));
  /** The organization in context when clients may be added under it, else the first place they may. */
  const defaultParent = computed(() => {
    const inContext = context.selected === ALL ? null : context.selected;
    return parents.value.find((p) => p.id === inContext)?.id ?? parents.value[0]?.id ?? '';
  });

  const form = reactive({
    parentId: '',
    organizationName: '',
    /** Null while the address follows the name. */
    customSlug: null as string | null,
    projectType: 'website' as ProjectType,
    tier: 'starter' as Tier,
    seedDemoData: true,
  });
  watch(
    defaultParent,
    (id) => {
      if (!form.parentId || !parents.value.some((p) => p.id === form.parentId)) form.parentId = id;
    },
    { immediate: true },
  );

  const slug = computed(() => form.customSlug ?? slugify(form.organizationName));
  const phase = ref<NewClientPhase>('form');
  const files = ref<FileDiff[]>([]);
  const result = ref<NewClientResult | null>(null);
  const error = ref<string | null>(null);
  const failure = shallowRef<unknown>(null);
  const serverFields = computed(() => fieldErrors(failure.value));

  /** What the form says is wrong before asking the server, by field. */
  const problems = computed(() => {
    const out: Record<string, string> = {};
    if (!form.organizationName.trim()) out.organizationName = 'Enter the client’s name.';
    const slugProblem = slugMessage(slug.value);
    if (form.organizationName.trim() && slugProblem) out.slug = slugProblem;
    if (!form.parentId) out.parentId = 'Choose where the client belongs.';
    return out;
  });
  const shown = ref(false);
  const fieldError = (field: string) =>
    (shown.value ? problems.value[field] : undefined) ?? serverFields.value[field];

  function input(): NewClientInput {
    return {
      organizationName: form.organizationName.trim(),
      slug: slug.value,
      projectType: form.projectType,
      tier: form.tier,
      parentId: form.parentId,
      seedDemoData: form.seedDemoData,
    };
  }

  // A preview stands only for the form it was made from (also one still on its way).
  let edits = 0;
  watch(
    () => ({ ...form }),
    () => {
      edits++;
      if (phase.value === 'preview') phase.value = 'form';
      failure.value = null;
      error.value = null;
    },
  );

  async function preview(): Promise<void> {
    shown.value = true;
    if (Object.keys(problems.value).length > 0 || phase.value === 'previewing') return;
    phase.value = 'previewing';
    error.value = null;
    failure.value = null;
    const at = edits;
    try {
      files.value = (await api.organizations.previewCreate(input())).files;
      phase.value = at === edits ? 'preview' : 'form';
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
      phase.value = 'form';
    }
  }

  /** Creates exactly what was previewed. */
  async function create(): Promise<void> {
    if (phase.value !== 'preview') return;
    phase.value = 'creating';
    error.value = null;
    failure.value = null;
    try {
      result.value = await api.organizations.create(input());
      phase.value = 'done';
      // The switcher lists the new client at once.
      await context.refreshOptions();
    } catch (e) {
      error.value = errorMessage(e);
      failure.value = e;
      phase.value = 'preview';
    }
  }

  /** Back to an empty form for the next client (same parent). */
  function another(): void {
    Object.assign(form, { organizationName: '', customSlug: null, seedDemoData: true });
    phase.value = 'form';
    result.value = null;
    files.value = [];
    shown.value = false;
  }

  return { form, parents, slug, phase, files, result, error, fieldError, preview, create, another };
}
