import type { ApolloServerPlugin } from '@apollo/server';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What a browser gets at GET /graphql. Apollo's default landing page embeds its sandbox from a CDN,
 * which an offline or firewalled installation cannot reach and a same-origin CSP blocks, so it
 * would be a blank page; this one loads nothing and says how to query instead.
 */
export function landingPage(options: {
  publicUrl: string;
  introspection: 'anyone' | 'signed-in';
}): ApolloServerPlugin {
  const api = escapeHtml(options.publicUrl);
  const endpoint = `${api}/graphql`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Luster GraphQL API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}pre{background:#f3f3f3;padding:.75rem;overflow:auto}</style>
</head>
<body>
<h1>Luster GraphQL API</h1>
<p>This URL answers GraphQL over HTTP: <code>POST ${endpoint}</code> with a JSON body
<code>{"query": "…", "variables": {…}}</code>. There is no explorer in the browser here: Apollo's
sandbox loads from a CDN, so it is turned off.</p>
<h2>Sign in</h2>
<pre>curl -s ${api}/api/v1/auth/login -H 'content-type: application/json' \\
  -d '{"email": "you@example.com", "password": "…"}'</pre>
<p>The answer's <code>accessToken</code> goes in every request as
<code>Authorization: Bearer &lt;accessToken&gt;</code>.</p>
<h2>Query</h2>
<pre>curl -s ${endpoint} -H 'content-type: application/json' \\
  -H 'Authorization: Bearer &lt;accessToken&gt;' \\
  -d '{"query": "{ me { email } organizations(limit: 20) { items { slug state } } }"}'</pre>
<h2>Schema</h2>
<p>Point any GraphQL client (GraphiQL, Altair, Insomnia, Postman, graphql-codegen) at
<code>${endpoint}</code>: it reads the schema by introspection, ${
    options.introspection === 'anyone'
      ? 'which this server answers for anyone'
      : 'which this server answers only with the <code>Authorization</code> header'
  }. Each operation has limits (root fields, aliases, depth, cost) and is refused with
<code>query_too_complex</code> over them; subscriptions are not served. The same
operations exist over REST, described by <code>${api}/api/v1/openapi.json</code>; the limits and
error codes are in the repository's <code>docs/api.md</code>.</p>
</body>
</html>
`;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
