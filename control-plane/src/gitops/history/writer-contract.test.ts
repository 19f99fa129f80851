import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, seedFiles } from '../test-support/bare-repo.js';
import { bot } from '../test-support/changes.js';
import { FakeGitopsWriter } from '../test-support/fake-writer.js';
import { writerContract } from '../test-support/writer-contract.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';

// The same contract for the real writer and for the fake the change writer's unit tests run on.
writerContract('IsomorphicGitopsWriter', async () => {
  const temp = await createBareRepo();
  const writer = new IsomorphicGitopsWriter({
    repo: new GitRepository({ gitdir: temp.gitdir }),
    committer: bot,
  });
  return { writer, cleanup: temp.cleanup };
});

writerContract('FakeGitopsWriter', async () => ({
  writer: new FakeGitopsWriter({ files: seedFiles, committer: bot }),
  cleanup: async () => {},
}));
