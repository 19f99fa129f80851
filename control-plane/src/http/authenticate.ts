/** The credentials of a request: its bearer token and the organization context it names. */
export interface Credentials {
  authorization: string | undefined;
  orgContext: string | undefined;
}

/**
 * Turns a request's credentials into who is asking, or throws 401. The edge kit only passes it
 * along: the composition root hands each router and GraphQL module the auth service's
 * `authenticate`, and `A` is the access layer's actor, so the edge never imports a later layer.
 */
export type Authenticate<A> = (credentials: Credentials) => Promise<A>;

/** The request's credentials as REST and GraphQL read them (the same headers on both edges). */
export function credentialsOf(req: { get(name: string): string | undefined }): Credentials {
  return { authorization: req.get('authorization'), orgContext: req.get('x-org-context') };
}
