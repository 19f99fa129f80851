import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { validateManifests } from '../../src/validation/validate-manifests.js';
import { aSpec, objectsOf } from '../support/specs.js';

/** The rendered objects of tenant acme, with `plant` applied to the first object of `kind`. */
function planted(kind: string, plant: (object: Record<string, any>) => void): Record<string, any>[] {
  const objects = objectsOf(renderTenant(parseTenantSpec(aSpec()))).map(({ object }) => object);
  const target = objects.find((o) => o.kind === kind);
  if (!target) throw new Error(`no ${kind} rendered`);
  plant(target);
  return objects;
}

const THEME = 'Deployment tenant-acme/theme';
const CONTAINER = 'spec.template.spec.containers[0]';

describe('validateManifests', () => {
  it('finds nothing wrong with a render', () => {
    expect(
      validateManifests(
        objectsOf(renderTenant(parseTenantSpec(aSpec({ tier: 'enterprise' })))).map((o) => o.object),
      ),
    ).toEqual([]);
  });

  describe('catches planted faults', () => {
    it('an unknown field', () => {
      const objects = planted('Deployment', (d) => {
        d.spec.replicaz = 3;
      });
      expect(validateManifests(objects)).toEqual([
        {
          object: THEME,
          field: 'spec.replicaz',
          rule: 'schema.additionalProperties',
          message: "unknown field 'replicaz'",
        },
      ]);
    });

    it('missing resources', () => {
      const objects = planted('Deployment', (d) => {
        delete d.spec.template.spec.containers[0].resources;
      });
      expect(validateManifests(objects).map((v) => [v.object, v.field, v.rule])).toEqual([
        [THEME, `${CONTAINER}.resources.requests.cpu`, 'policy.resources'],
        [THEME, `${CONTAINER}.resources.requests.memory`, 'policy.resources'],
        [THEME, `${CONTAINER}.resources.limits.cpu`, 'policy.resources'],
        [THEME, `${CONTAINER}.resources.limits.memory`, 'policy.resources'],
      ]);
    });

    it('a privileged container', () => {
      const objects = planted('Deployment', (d) => {
        d.spec.template.spec.containers[0].securityContext.privileged = true;
      });
      expect(validateManifests(objects)).toEqual([
        {
          object: THEME,
          field: `${CONTAINER}.securityContext.privileged`,
          rule: 'policy.pod-security',
          message: 'privileged containers are not allowed',
        },
      ]);
    });

    it('a 64-character name', () => {
      const name = 'a'.repeat(64);
      const objects = planted('ConfigMap', (c) => {
        c.metadata.name = name;
      });
      expect(validateManifests(objects)).toEqual([
        {
          object: `ConfigMap tenant-acme/${name}`,
          field: 'metadata.name',
          rule: 'policy.name-length',
          message: 'must be at most 63 characters (has 64)',
        },
      ]);
    });

    it('an image outside the theme catalog', () => {
      const objects = planted('Deployment', (d) => {
        d.spec.template.spec.containers[0].image = 'docker.io/library/nginx:1.27';
      });
      expect(validateManifests(objects)).toEqual([
        {
          object: THEME,
          field: `${CONTAINER}.image`,
          rule: 'policy.image-registry',
          message: "'docker.io/library/nginx:1.27' is not from an allowed registry (registry.luster.io)",
        },
      ]);
    });

    it('an unknown field in a CRD spec and in CRD metadata', () => {
      const objects = planted('Certificate', (c) => {
        c.spec.dnsName = c.spec.dnsNames;
        c.metadata.labelz = {};
      });
      expect(validateManifests(objects).map((v) => [v.field, v.rule])).toEqual(
        expect.arrayContaining([
          ['spec.dnsName', 'schema.additionalProperties'],
          ['metadata.labelz', 'schema.additionalProperties'],
        ]),
      );
    });

    it('a wrong type in a CNPG cluster', () => {
      const objects = planted('Cluster', (c) => {
        c.spec.instances = 'three';
      });
      expect(validateManifests(objects)).toContainEqual({
        object: 'Cluster tenant-acme/db',
        field: 'spec.instances',
        rule: 'schema.type',
        message: 'must be integer',
      });
    });

    it('a status committed to git', () => {
      const objects = planted('Service', (s) => {
        s.status = { loadBalancer: {} };
      });
      expect(validateManifests(objects).map((v) => v.field)).toEqual(['status']);
    });

    it('a wildcard host', () => {
      const objects = planted('Ingress', (i) => {
        i.spec.rules[1].host = '*.acme.com';
      });
      expect(validateManifests(objects)).toContainEqual({
        object: 'Ingress tenant-acme/theme',
        field: 'spec.rules[1].host',
        rule: 'policy.host',
        message: "'*.acme.com' wildcard domains are not supported; list each host",
      });
    });

    it('a missing tenant label', () => {
      const objects = planted('Service', (s) => {
        delete s.metadata.labels['luster.io/tier'];
      });
      expect(validateManifests(objects)).toEqual([
        {
          object: 'Service tenant-acme/theme',
          field: 'metadata.labels.luster.io/tier',
          rule: 'policy.labels',
          message: "label 'luster.io/tier' is required",
        },
      ]);
    });
  });

  describe('reading YAML', () => {
    it('validates every document of a multi-document text and skips empty ones', () => {
      const objects = objectsOf(renderTenant(parseTenantSpec(aSpec()))).map(({ object }) => object);
      const text = `---\n${objects.map((o) => stringify(o)).join('---\n')}---\n`;
      expect(validateManifests(text)).toEqual([]);
    });

    it('reports a syntax error with the document it is in', () => {
      const [violation] = validateManifests('apiVersion: v1\nkind: ConfigMap\n---\nkind: [unclosed\n');
      expect(violation).toMatchObject({ object: 'document 2', rule: 'yaml.syntax' });
    });

    it('reports kinds no schema defines', () => {
      expect(validateManifests('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n')).toEqual([
        {
          object: 'Widget w',
          field: 'kind',
          rule: 'schema.unknown-kind',
          message: 'example.com/v1/Widget is neither a Kubernetes kind nor one of the known CRDs',
        },
      ]);
    });

    it('reports documents that are not objects, or have no kind', () => {
      expect(validateManifests('- a\n- b\n')).toMatchObject([
        { object: 'document 1', rule: 'schema.object' },
      ]);
      expect(validateManifests('metadata:\n  name: x\n')).toMatchObject([
        { object: 'object x', rule: 'schema.kind' },
      ]);
    });

    it('skips kustomize configuration, which is not an API object', () => {
      expect(
        validateManifests(
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
        ),
      ).toEqual([]);
    });
  });

  describe('scope of the policies', () => {
    const fluxController = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'source-controller', namespace: 'flux-system' },
      spec: {
        selector: { matchLabels: { app: 'source-controller' } },
        template: {
          metadata: { labels: { app: 'source-controller' } },
          spec: { containers: [{ name: 'manager', image: 'ghcr.io/fluxcd/source-controller:v1.9.4' }] },
        },
      },
    };

    it('checks platform components against the schemas only', () => {
      expect(validateManifests([fluxController])).toEqual([]);
      expect(
        validateManifests([{ ...fluxController, spec: { ...fluxController.spec, replicaz: 1 } }]),
      ).toMatchObject([{ field: 'spec.replicaz', rule: 'schema.additionalProperties' }]);
    });

    it('applies every policy to objects in a tenant namespace, labelled or not', () => {
      const rules = validateManifests([
        { ...fluxController, metadata: { name: 'x', namespace: 'tenant-acme' } },
      ]).map((v) => v.rule);
      expect(new Set(rules)).toEqual(
        new Set(['policy.labels', 'policy.image-registry', 'policy.resources', 'policy.pod-security']),
      );
    });

    it('takes the allowed registries from the options', () => {
      const tenantPod = { ...fluxController, metadata: { name: 'x', namespace: 'tenant-acme' } };
      const rules = validateManifests([tenantPod], { allowedImageRegistries: ['ghcr.io/fluxcd'] }).map(
        (v) => v.rule,
      );
      expect(rules).not.toContain('policy.image-registry');
    });
  });
});
