#!/usr/bin/env node
// Step 2: registers an organization through the API, as a person signing up would, and records
// its id, slug and provision commit in the state file.
//
//   E2E_THEME_IMAGE  an image the cluster can run (kind: loaded with `kind load docker-image`):
//                    saved first as the newest version of the website's default theme, so the
//                    tenant runs it instead of a catalog image that exists on no registry.
import { api, readState, run, saveState, signIn } from './lib.mjs';

const PROJECT_TYPE = 'website';

run(async () => {
  const state = readState();
  if (process.env.E2E_THEME_IMAGE) {
    const admin = await signIn(state, state.admin.email, state.admin.password);
    const { items } = await api(state, 'GET', '/catalog/themes', { token: admin });
    // The same order the catalog picks a new tenant's default theme in: by name, newest first.
    const theme = items
      .filter((t) => t.available && t.defaultFor.includes(PROJECT_TYPE))
      .sort((a, b) => a.name.localeCompare(b.name))[0];
    if (!theme) throw new Error(`no default theme for ${PROJECT_TYPE} in the catalog`);
    await api(state, 'PUT', `/catalog/themes/${theme.name}/999.0.0`, {
      token: admin,
      body: {
        displayName: `${theme.displayName} (end-to-end image)`,
        image: process.env.E2E_THEME_IMAGE,
        projectTypes: [PROJECT_TYPE],
        defaultFor: [PROJECT_TYPE],
      },
    });
  }
  const owner = { email: 'owner@e2e-shop.test', password: 'an-end-to-end-password' };
  const result = await api(state, 'POST', '/registrations', {
    body: {
      accountType: 'organization',
      projectType: PROJECT_TYPE,
      organizationName: 'E2E Shop',
      email: owner.email,
      password: owner.password,
    },
  });
  if (result.change?.state !== 'committed')
    throw new Error(`the provision change is ${result.change?.state}, not committed`);
  const saved = saveState({
    owner,
    organization: { id: result.organization.id, slug: result.organization.slug },
    provisionCommit: result.change.commitSha,
  });
  process.stdout.write(
    `registered ${saved.organization.slug} (${saved.organization.id}), provision commit ${saved.provisionCommit}\n`,
  );
});
