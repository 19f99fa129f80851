import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, lastMail, rest } from './support/control-plane';
import { eventually, passWelcome, settled, signIn } from './support/flows';
import { browserSuite } from './support/suite';

/** A CDN in front of public media; public files are linked there (nothing is fetched from it). */
const CDN = 'http://cdn.media-e2e.test';
const suite = browserSuite('media', () => ({ MEDIA_PUBLIC_BASE_URL: CDN }));
const people = suite.people;
const PASSWORD = 'a-long-enough-password';
/** A real 1×1 PNG, so the thumbnail is an image the browser decodes. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** An approved agency with one client: the agency owner's token and both organizations. */
async function agencyWithClient(name: string, email: string, client: string) {
  const api = rest(suite.server);
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const reg = await api.register({
    accountType: 'agency',
    projectType: 'website',
    organizationName: name,
    email,
    password: PASSWORD,
  });
  const requests = await api.call<{ items: { id: string; organization: { id: string } }[] }>(
    'GET',
    '/agency-requests',
    admin,
  );
  const request = requests.items.find((r) => r.organization.id === reg.organization.id);
  await api.call('POST', `/agency-requests/${request?.id}/approve`, admin);
  const token = await api.login(email, PASSWORD);
  const created = await api.call<{ organization: { id: string; slug: string } }>(
    'POST',
    '/organizations',
    token,
    { organizationName: client, projectType: 'website' },
  );
  await suite.server.services.buckets.kick();
  return { token, agency: reg.organization, client: created.organization };
}

describe('media in the admin, in Chromium against the embedded S3', () => {
  it('uploads by picker and by drop straight to the bucket, lists, filters, copies and deletes; the agency page shows clients’ files and not another agency’s', async () => {
    const a = await agencyWithClient('Pixel Agency', 'owner@pixel-agency.test', 'Pixel Client');
    const b = await agencyWithClient('Other Agency', 'owner@other-agency.test', 'Other Client');
    // Another agency's client has a file of its own (uploaded through the API).
    const api = rest(suite.server);
    const presigned = await api.call<{ key: string; url: string; headers: Record<string, string> }>(
      'POST',
      `/organizations/${b.client.id}/media/uploads`,
      b.token,
      { name: 'secret-plan.txt', contentType: 'text/plain', size: 6 },
    );
    expect(
      (await fetch(presigned.url, { method: 'PUT', headers: presigned.headers, body: 'secret' })).status,
    ).toBe(200);
    await api.call('POST', `/organizations/${b.client.id}/media/complete`, b.token, { key: presigned.key });

    const owner = await person(suite.browser, suite.server.url);
    people.push(owner);
    const p = owner.page;
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const puts: string[] = [];
    p.on('request', (request) => {
      if (request.method() === 'PUT') puts.push(request.url());
    });
    await signIn(p, 'owner@pixel-agency.test', PASSWORD);
    await passWelcome(p);

    // The client's Media tab: the picker.
    await p.goto(`/organizations/${a.client.id}/media`);
    await p.getByTestId('media-usage').waitFor();
    await p
      .getByTestId('media-picker')
      .setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL });
    const uploads = p.getByTestId('media-uploads');
    await uploads.locator('li[data-state="done"]', { hasText: 'pixel.png' }).waitFor();
    expect(
      await uploads.locator('li', { hasText: 'pixel.png' }).locator('progress').getAttribute('value'),
    ).toBe(String(PIXEL.length));
    const pixel = p.locator('[data-testid="media-list"] li[data-key$="/pixel.png"]');
    await pixel.waitFor();
    const thumbnail = pixel.getByTestId('thumbnail');
    await eventually(
      () => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth === 1),
      10_000,
      'the thumbnail to load from S3',
    );

    // Drag and drop of a document: an icon, no thumbnail.
    const dropped = await p.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['dropped notes'], 'notes.txt', { type: 'text/plain' }));
      return transfer;
    });
    await p.getByTestId('media-drop').dispatchEvent('drop', { dataTransfer: dropped });
    const notes = p.locator('[data-testid="media-list"] li[data-key$="/notes.txt"]');
    await notes.waitFor();
    expect(await notes.locator('svg[data-kind="document"]').count()).toBe(1);
    // The usage is asked for again once the upload completes, after the file is listed.
    await settled(() => p.getByTestId('media-usage').textContent()).toContain(
      `${PIXEL.length + 13} bytes of 1.0 GB used`,
    );
    await screenshot(p, 'media-tab');

    // The bytes went from the browser to S3, never through the control plane.
    const { client: s3, publicEndpoint } = suite.server.services.storage.connection();
    const bucket = `org-${a.client.slug}-media`;
    expect(puts).toHaveLength(2);
    for (const url of puts) expect(url.startsWith(`${publicEndpoint}/${bucket}/`)).toBe(true);
    const key = (await pixel.getAttribute('data-key')) as string;
    expect(key).toMatch(/^\d{4}\/\d{2}\/pixel\.png$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect([head.ContentLength, head.ContentType]).toEqual([PIXEL.length, 'image/png']);

    // Copy URL gives a link that serves the file.
    await pixel.getByRole('button', { name: 'Copy URL' }).click();
    await pixel.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    expect(Buffer.from(await (await fetch(copied)).arrayBuffer())).toEqual(PIXEL);

    // A public upload: keyed under public/, badged, its link the CDN's permanent one.
    await p.getByTestId('media-public').check();
    await p
      .getByTestId('media-picker')
      .setInputFiles({ name: 'menu.txt', mimeType: 'text/plain', buffer: Buffer.from('public menu') });
    const menu = p.locator('[data-testid="media-list"] li[data-key$="/menu.txt"]');
    await menu.getByTestId('public-badge').waitFor();
    const menuKey = (await menu.getAttribute('data-key')) as string;
    expect(menuKey).toMatch(/^public\/\d{4}\/\d{2}\/menu\.txt$/);
    await menu.getByRole('button', { name: 'Copy public URL' }).click();
    await menu.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(`${CDN}/${bucket}/${menuKey}`);
    expect(await pixel.getByTestId('public-badge').count()).toBe(0);
    await p.getByTestId('media-public').uncheck();

    // The type filter: only images.
    await p.getByTestId('media-type').selectOption('image');
    await notes.waitFor({ state: 'detached' });
    // The list may be empty while the filtered page loads: the image comes back with it.
    await settled(() => pixel.count()).toBe(1);
    await p.getByTestId('media-type').selectOption('');
    await notes.waitFor();

    // Deleting asks first; keeping keeps, confirming deletes from S3 too.
    await notes.getByRole('button', { name: 'Delete' }).click();
    await notes.getByRole('button', { name: 'Keep' }).click();
    await notes.getByRole('button', { name: 'Delete' }).click();
    await notes.getByRole('button', { name: 'Delete file' }).click();
    await notes.waitFor({ state: 'detached' });
    const notesKey = key.replace('pixel.png', 'notes.txt');
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: notesKey }))).rejects.toThrow();

    // The agency-wide page: the client's file, not the other agency's client's.
    await p.getByTestId('nav-media').click();
    await p.getByRole('heading', { name: 'Media' }).waitFor();
    const list = p.getByTestId('media-list');
    const clientPixel = list.locator(`li[data-org="${a.client.id}"][data-key="${key}"]`);
    await clientPixel.waitFor();
    expect(await clientPixel.textContent()).toContain('Pixel Client');
    expect(await list.locator(`li[data-org="${b.client.id}"]`).count()).toBe(0);
    expect(await list.textContent()).not.toContain('secret-plan');
    await screenshot(p, 'media-page');
    expect(owner.problems).toEqual([]);
  });

  it('lets an invited editor upload and delete; a viewer sees the files with no control, and the API refuses the viewer', async () => {
    const a = await agencyWithClient('Roles Agency', 'owner@roles-agency.test', 'Roles Client');
    const api = rest(suite.server);
    // A change of the client after its provisioning: its history has an entry a client admin could revert.
    await api.call('PATCH', `/organizations/${a.client.id}`, a.token, {
      plugins: ['seo-assistant', 'forms'],
    });
    const member = async (email: string, role: 'editor' | 'viewer') => {
      await api.call('POST', `/organizations/${a.client.id}/users`, a.token, { email, role });
      const token = /accept-invitation\?token=(\S+)/.exec(
        (await lastMail(suite.server, email, 'invitation')).text,
      )?.[1];
      await api.call('POST', '/auth/verify-email', null, { token, password: PASSWORD });
      const p = await person(suite.browser, suite.server.url);
      people.push(p);
      await signIn(p.page, email, PASSWORD);
      await passWelcome(p.page);
      await p.page.goto(`/organizations/${a.client.id}/media`);
      await p.page.getByTestId('media-usage').waitFor();
      return p;
    };
    const file = (page: Page, name: string) =>
      page.locator(`[data-testid="media-list"] li[data-key$="/${name}"]`);

    // The editor manages the content: uploads two files and deletes one.
    const editor = await member('eddie@roles-client.test', 'editor');
    const e = editor.page;
    for (const name of ['kept.txt', 'gone.txt'])
      await e
        .getByTestId('media-picker')
        .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(name) });
    await file(e, 'kept.txt').waitFor();
    await file(e, 'gone.txt').getByRole('button', { name: 'Delete' }).click();
    await file(e, 'gone.txt').getByRole('button', { name: 'Delete file' }).click();
    await file(e, 'gone.txt').waitFor({ state: 'detached' });
    // Nothing that changes the manifests: no revert on the history entries.
    await e.getByTestId('tab-history').click();
    await e.locator('[data-testid=history] > li').nth(1).waitFor();
    expect(await e.getByTestId('revert').count()).toBe(0);
    expect(editor.problems).toEqual([]);

    // The viewer reads: the file is listed, with no picker, drop zone or Delete.
    const viewer = await member('vera@roles-client.test', 'viewer');
    const v = viewer.page;
    await file(v, 'kept.txt').waitFor();
    expect(
      await v
        .locator('[data-testid=media-picker], [data-testid=media-drop], [data-testid=media-public]')
        .count(),
    ).toBe(0);
    expect(await file(v, 'kept.txt').getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(viewer.problems).toEqual([]);
    const viewerToken = await api.login('vera@roles-client.test', PASSWORD);
    const key = (await file(v, 'kept.txt').getAttribute('data-key')) as string;
    await expect(
      api.call('POST', `/organizations/${a.client.id}/media/uploads`, viewerToken, {
        name: 'sneaky.txt',
        contentType: 'text/plain',
        size: 6,
      }),
    ).rejects.toThrow(/→ 403 .*"forbidden"/);
    await expect(
      api.call('DELETE', `/organizations/${a.client.id}/media?key=${encodeURIComponent(key)}`, viewerToken),
    ).rejects.toThrow(/→ 403 .*"forbidden"/);
  });
});
