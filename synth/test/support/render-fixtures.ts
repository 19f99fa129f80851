// Renders the fixture specs and prints every file as JSON: run in a separate process by the
// determinism test, whose output must match, byte for byte, a render in another process.
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { fixtureSpecs } from './fixture-specs.js';

process.stdout.write(JSON.stringify(fixtureSpecs.flatMap((spec) => renderTenant(parseTenantSpec(spec)))));
