// The baseline: a minimal plain-cdk8s render of the same objects — one App per tenant, one
// ApiObject per object given as literal JSON, cdk8s's own synthesis and YAML — with none of
// synth's constructs, spec checks or validation. The objects come from a template tenant per
// tier, rendered once by synth and re-named per tenant.
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import { parse } from 'yaml';
import { renderTenant } from '../../synth/dist/index.js';
import { benchSpec } from './specs.mjs';

const TEMPLATE = 'zz-template';

/** Per tier, the template tenant's objects and file paths, as JSON text to re-name cheaply. */
export function plainTemplates() {
  const templates = {};
  for (const [index, tier] of ['starter', 'pro', 'enterprise'].entries()) {
    const spec = { ...benchSpec(index), slug: TEMPLATE, tier, mediaBucket: `org-${TEMPLATE}-media` };
    const files = renderTenant(spec).filter((f) => !f.path.endsWith('/kustomization.yaml'));
    templates[tier] = {
      paths: JSON.stringify(files.map((f) => f.path)),
      objects: JSON.stringify(files.map((f) => parse(f.content))),
    };
  }
  return templates;
}

/** The files of one tenant, plain cdk8s: the same objects, no constructs, no validation. */
export function plainRender(spec, template) {
  const objects = JSON.parse(template.objects.replaceAll(TEMPLATE, spec.slug));
  const paths = JSON.parse(
    template.paths.replaceAll(TEMPLATE, spec.slug).replaceAll('/zz/', `/${spec.slug.slice(0, 2)}/`),
  );
  const chart = new Chart(new App(), 'tenant');
  for (const [index, object] of objects.entries()) new ApiObject(chart, `o${index}`, object);
  return chart.toJson().map((object, index) => ({ path: paths[index], content: Yaml.stringify(object) }));
}
