import * as openpgp from 'openpgp';

/**
 * Signs a commit payload (the commit object without its `gpgsig` header) and returns an ASCII-armored
 * detached signature. With Flux's `GitRepository.spec.verify` set, only commits signed by the
 * control plane's key are applied — see README.md.
 */
export type CommitSigner = (payload: string) => Promise<string>;

export interface OpenPgpSignerOptions {
  /** The ASCII-armored private key (`-----BEGIN PGP PRIVATE KEY BLOCK-----`). */
  armoredPrivateKey: string;
  /** Passphrase of the key, when it is encrypted. @default none */
  passphrase?: string;
}

/** Builds a signer from an OpenPGP private key; fails at start-up, not at the first commit, on a bad key. */
export async function createOpenPgpSigner(options: OpenPgpSignerOptions): Promise<CommitSigner> {
  const key = await openpgp.readPrivateKey({ armoredKey: options.armoredPrivateKey });
  const signingKey = options.passphrase
    ? await openpgp.decryptKey({ privateKey: key, passphrase: options.passphrase })
    : key;
  if (!signingKey.isDecrypted()) {
    throw new Error('The commit signing key is encrypted; configure its passphrase');
  }
  return async (payload) => {
    // Sign the bytes as they are (a binary signature): a text-mode signature would canonicalise
    // line endings, which is harmless for git's LF-only payloads but one more thing to reason about.
    const message = await openpgp.createMessage({ binary: new TextEncoder().encode(payload) });
    return openpgp.sign({ message, signingKeys: signingKey, detached: true, format: 'armored' });
  };
}
