import { UnavailableError } from '../errors/index.js';
import type { PullRequestRef } from './changes.entities.js';

/** A git host's review (STYLE §8: a port; GitHub is the first adapter, the built-in review needs none). */
export interface GitHost {
  /** Opens a pull request for `head` into `base`; returns the open one if it exists already. */
  openPullRequest(input: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<PullRequestRef>;
  /** Closes a pull request without merging it (the change was rejected here). */
  closePullRequest(number: number): Promise<void>;
  /** Logins whose latest review of the pull request approves it. */
  approvers(number: number): Promise<string[]>;
}

/** Review states that decide a reviewer's stance; COMMENTED and PENDING leave it as it was. */
const DECIDING = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Reviews fetched at most (100 a page): far beyond any real review. */
const MAX_REVIEW_PAGES = 10;

export interface GithubOptions {
  /** @default 'https://api.github.com' */
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  token: string;
  fetch?: typeof fetch;
}

/**
 * GitHub's REST API, the few documented endpoints used:
 *   POST  /repos/{owner}/{repo}/pulls            open (422 when one exists for the branch)
 *   GET   /repos/{owner}/{repo}/pulls?head=&state=open   find that existing one
 *   PATCH /repos/{owner}/{repo}/pulls/{number}   { state: 'closed' }
 *   GET   /repos/{owner}/{repo}/pulls/{number}/reviews?per_page=100&page=   reviews, oldest first
 */
export function createGithubHost(options: GithubOptions): GitHost {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiUrl.replace(/\/$/, '')}/repos/${options.repository}`;
  const owner = options.repository.split('/')[0];

  async function call(method: string, path: string, body?: unknown) {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'luster-control-plane',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  function failed(what: string, status: number, body: unknown): UnavailableError {
    const message = (body as { message?: string } | null)?.message ?? '';
    return new UnavailableError({
      code: 'git_host_failed',
      message: `GitHub refused to ${what} (${status} ${message})`,
      data: { status },
    });
  }

  return {
    async openPullRequest(input) {
      const created = await call('POST', '/pulls', input);
      if (created.status === 201) return { number: created.body.number, url: created.body.html_url };
      if (created.status === 422) {
        // Opened before a crash: find it instead of failing.
        const head = encodeURIComponent(`${owner}:${input.head}`);
        const open = await call('GET', `/pulls?head=${head}&state=open`);
        const [pr] = Array.isArray(open.body) ? open.body : [];
        if (pr) return { number: pr.number, url: pr.html_url };
      }
      throw failed('open a pull request', created.status, created.body);
    },
    async closePullRequest(number) {
      const res = await call('PATCH', `/pulls/${number}`, { state: 'closed' });
      if (res.status !== 200) throw failed('close the pull request', res.status, res.body);
    },
    async approvers(number) {
      const stance = new Map<string, string>();
      for (let page = 1; page <= MAX_REVIEW_PAGES; page++) {
        const res = await call('GET', `/pulls/${number}/reviews?per_page=100&page=${page}`);
        if (res.status !== 200 || !Array.isArray(res.body)) {
          throw failed('list the reviews', res.status, res.body);
        }
        for (const review of res.body as { state?: string; user?: { login?: string } | null }[]) {
          const login = review.user?.login;
          if (login && review.state && DECIDING.has(review.state))
            stance.set(login.toLowerCase(), review.state);
        }
        if (res.body.length < 100) break;
      }
      return [...stance].filter(([, state]) => state === 'APPROVED').map(([login]) => login);
    },
  };
}
