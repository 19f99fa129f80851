import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';
import { cli, scratch } from './cli-harness.js';

const rendered = Object.fromEntries(renderTenant(parseTenantSpec(aSpec())).map((f) => [f.path, f.content]));

describe('luster-synth validate', () => {
  it('exits 0 on a clean folder, walking it recursively', async () => {
    const repo = scratch(rendered);
    expect(await cli('validate', join(repo, 'tenants'))).toEqual({
      code: 0,
      out: '29 files checked, 0 problems\n',
      err: '',
    });
  });

  it('exits 1 listing each problem with file, object, field and rule', async () => {
    const path = 'tenants/prod-1/82/acme/app/service-theme.yaml';
    const repo = scratch({
      ...rendered,
      [path]: (rendered[path] ?? '').replace('  type: ClusterIP', '  type: ClusterIP\n  portz: []'),
      'extra/widget.yml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    });
    const result = await cli('validate', join(repo, 'tenants'), join(repo, 'extra'));
    expect(result.code).toBe(1);
    expect(result.out).toBe('30 files checked, 2 problems\n');
    expect(result.err).toBe(
      [
        `${join(repo, path)}:`,
        "  Service tenant-acme/theme spec.portz: unknown field 'portz' [schema.additionalProperties]",
        `${join(repo, 'extra/widget.yml')}:`,
        '  Widget w kind: example.com/v1/Widget is neither a Kubernetes kind nor one of the known CRDs [schema.unknown-kind]',
        '',
      ].join('\n'),
    );
  });

  it('accepts a kind named with --kind-without-schema, still reporting everything else', async () => {
    const repo = scratch({
      'infra/monitor.yaml':
        'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: theme\n',
      'infra/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    });
    const result = await cli(
      'validate',
      '--kind-without-schema',
      'monitoring.coreos.com/v1/ServiceMonitor',
      join(repo, 'infra'),
    );
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'accepted without a schema: monitoring.coreos.com/v1/ServiceMonitor\n2 files checked, 1 problems\n',
    );
    expect(result.err).not.toContain('ServiceMonitor');
    expect(result.err).toContain('example.com/v1/Widget');
  });

  it('exits 64 on a path that does not exist, or no path at all', async () => {
    expect((await cli('validate', '/nonexistent/tenants')).code).toBe(64);
    expect((await cli('validate')).code).toBe(64);
  });
});
