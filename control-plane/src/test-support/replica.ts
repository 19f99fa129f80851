import { apiTestEnv } from './api-client.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * A control plane in this process as one of several replicas: the shared database and git remote,
 * a data directory of its own. Its writer runs rounds only when the test asks (no reconcile or
 * take-over timer), so what one replica leaves to another happens when the test says.
 */
export function startReplica(input: {
  remoteUrl: string;
  token: string;
  databaseUrl: string;
  dataDir: string;
}): Promise<TestServer> {
  return startTestServer(
    {
      ...apiTestEnv,
      GITOPS_REMOTE_URL: input.remoteUrl,
      GITOPS_REMOTE_TOKEN: input.token,
      RECONCILE_INTERVAL_SECONDS: '0',
      GITOPS_TAKEOVER_SECONDS: '0',
    },
    { databaseUrl: input.databaseUrl, dataDir: input.dataDir },
  );
}
