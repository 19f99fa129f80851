import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.vue';

function serve(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

describe('App', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each readiness check from the API', async () => {
    serve(200, { status: 'ready', checks: [{ name: 'database', ok: true }] });
    const wrapper = mount(App);
    expect(wrapper.text()).toContain('Checking the control plane');
    await flushPromises();
    expect(wrapper.find('.checks li.ok').text()).toBe('database: ready');
  });

  it('shows the failure reason of a check that is down', async () => {
    serve(503, {
      status: 'not_ready',
      checks: [{ name: 'database', ok: false, message: 'connection refused' }],
    });
    const wrapper = mount(App);
    await flushPromises();
    expect(wrapper.find('.checks li.failed').text()).toBe('database: connection refused');
  });

  it('shows the server error message when the API refuses', async () => {
    serve(500, { error: { code: 'internal', message: 'Something went wrong on our side', requestId: 'r1' } });
    const wrapper = mount(App);
    await flushPromises();
    expect(wrapper.find('[role=alert]').text()).toBe('Something went wrong on our side');
  });
});
