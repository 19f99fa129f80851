import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import type { OrganizationSyncStatus } from '../sync/organization-status.js';
import type { TenantLifecycle } from '../tenants/lifecycle.js';
import type { TenantsService } from '../tenants/tenants.service.js';
import type { OrgUsersService } from './org-users.js';
import type { OrganizationView } from './org-view.js';
import { createBody, inviteBody, lifecycleBody, listQuery, updateBody } from './orgs.schemas.js';
import type { OrgsService } from './orgs.service.js';

type Args = Record<string, unknown>;

const limitArgs = z.strictObject({ limit: z.number().int().min(1).max(200).optional() });

export interface OrgsGraphqlDeps {
  authenticate: Authenticate<Actor>;
  orgs: OrgsService;
  orgUsers: OrgUsersService;
  tenants: TenantsService;
  lifecycle: TenantLifecycle;
  syncStatus: OrganizationSyncStatus;
}

/**
 * Organizations over GraphQL: the same service methods as the REST routes, arguments checked by
 * the same zod schemas, errors mapped by the same formatError (same codes in extensions.code).
 */
export function createOrgsGraphql(deps: OrgsGraphqlDeps): GraphqlModule {
  const { orgs, orgUsers, tenants, lifecycle, syncStatus } = deps;
  const actorOf = actorFrom(deps.authenticate);
  async function lifecycleAction(
    action: 'suspend' | 'resume' | 'deprovision' | 'purge',
    args: Args,
    ctx: GraphqlContext,
  ) {
    return lifecycle[action]({
      actor: await actorOf(ctx),
      ...parseArgs(idParams, { id: args.id }, 'args'),
      ...parseArgs(lifecycleBody, { reason: args.reason }, 'args'),
    });
  }

  return {
    typeDefs: /* GraphQL */ `
    type ThemeRef {
      name: String!
      version: String!
    }
    type ManifestFile {
      path: String!
      content: String!
    }
    type TenantManifests {
      ref: String
      dir: String
      files: [ManifestFile!]!
    }
    type Trailer {
      key: String!
      value: String!
    }
    type Person {
      name: String!
      email: String!
    }
    type TenantCommit {
      sha: String!
      parentSha: String!
      branch: String!
      subject: String!
      changeRequestId: ID
      committedAt: String!
      author: Person!
      trailers: [Trailer!]!
    }
    type Member {
      userId: ID!
      email: String!
      name: String!
      role: String!
      emailVerified: Boolean!
      "Invited and not accepted yet: grants nothing until then."
      pending: Boolean!
      "active, or invited until accepted (a new account: until its password is chosen)."
      status: String!
      since: String!
    }
    type Organization {
      id: ID!
      slug: String!
      name: String!
      kind: String!
      parentId: ID
      state: String
      tier: String
      projectType: String
      theme: ThemeRef
      plugins: [String!]!
      cluster: String
      lastChange: LastChange
      "Hosts the tenant is served on (its platform subdomain)."
      domains: [String!]!
      branding: Branding
      "Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent; null unless suspended."
      suspendedBy: String
      createdAt: String!
      "What the caller may do on this organization now (permission table, approval gate, tenant state): e.g. organization.resume only when suspended."
      allowedActions: [String!]!
      "The roles the caller may invite a member with or change a member to here, strongest first (empty without users.invite)."
      grantableRoles: [String!]!
      manifests: TenantManifests!
      history(limit: Int): [TenantCommit!]!
      sync: TenantSync!
      changes(limit: Int): [ChangeRequest!]!
      users: [Member!]!
    }
    type OrganizationStateCount {
      state: String!
      count: Int!
    }
    type OrganizationSyncCount {
      status: String!
      count: Int!
    }
    "How many visible organizations are in each state and sync status (tier, parent and cluster filters apply, state and sync do not)."
    type OrganizationCounts {
      states: [OrganizationStateCount!]!
      "Worst first."
      sync: [OrganizationSyncCount!]!
    }
    type OrganizationPage {
      items: [Organization!]!
      total: Int!
      nextCursor: String
      counts: OrganizationCounts!
    }
    type OrganizationChange {
      organization: Organization!
      change: ChangeRequest
    }
    type ChangePreview {
      baseSha: String
      files: [FileDiff!]!
    }
    type Invitation {
      userId: ID!
      email: String!
      role: String!
      invited: Boolean!
    }
    input CreateOrganizationInput {
      organizationName: String!
      slug: String
      projectType: String!
      tier: String
      parentId: ID
      seedDemoData: Boolean
    }
    input ThemeInput {
      name: String!
      version: String
    }
    "White-label branding; the same rules as REST (hex colours, an https logo URL)."
    input BrandingInput {
      appName: String
      logoUrl: String
      primaryColor: String
      accentColor: String
      footerText: String
      supportEmail: String
    }
    type Branding {
      appName: String
      logoUrl: String
      primaryColor: String
      accentColor: String
      footerText: String
      supportEmail: String
    }
    input UpdateOrganizationInput {
      displayName: String
      tier: String
      theme: ThemeInput
      plugins: [String!]
      "Replaces the branding as a whole; {} removes it."
      branding: BrandingInput
      reason: String
    }
    "A pending membership as the invited user sees it."
    type PendingInvitation {
      organizationId: ID!
      organizationName: String!
      role: String!
      invitedAt: String!
    }
    input InviteUserInput {
      email: String!
      role: String!
      name: String
    }
    extend type Query {
      "Organizations the golden rule lets the actor see (X-Org-Context narrows it)."
      organizations(state: String, sync: String, tier: String, parentId: ID, cluster: String, limit: Int, cursor: String): OrganizationPage!
      organization(id: ID!): Organization!
      "What an update would commit, without committing it."
      previewOrganizationUpdate(id: ID!, input: UpdateOrganizationInput!): ChangePreview!
      "The files creating this client would commit (the same checks as createOrganization); nothing is created."
      previewOrganizationCreate(input: CreateOrganizationInput!): ChangePreview!
      "The signed-in user's pending invitations into organizations."
      myInvitations: [PendingInvitation!]!
    }
    extend type Mutation {
      createOrganization(input: CreateOrganizationInput!): OrganizationChange!
      updateOrganization(id: ID!, input: UpdateOrganizationInput!): OrganizationChange!
      suspendOrganization(id: ID!, reason: String): OrganizationChange!
      resumeOrganization(id: ID!, reason: String): OrganizationChange!
      deprovisionOrganization(id: ID!, reason: String): OrganizationChange!
      purgeOrganization(id: ID!, reason: String): OrganizationChange!
      inviteUser(organizationId: ID!, input: InviteUserInput!): Invitation!
      acceptInvitation(organizationId: ID!): PendingInvitation!
      declineInvitation(organizationId: ID!): PendingInvitation!
    }
  `,
    resolvers: {
      Query: {
        myInvitations: async (_p, _a, ctx) => orgUsers.invitations({ actor: await actorOf(ctx) }),
        organizations: async (_p, args, ctx) =>
          orgs.list({ actor: await actorOf(ctx), ...parseArgs(listQuery, args, 'args') }),
        organization: async (_p, args, ctx) =>
          orgs.get({ actor: await actorOf(ctx), ...parseArgs(idParams, args, 'args') }),
        previewOrganizationUpdate: async (_p, args, ctx) =>
          lifecycle.preview({
            actor: await actorOf(ctx),
            ...parseArgs(idParams, { id: args.id }, 'args'),
            ...parseArgs(updateBody, args.input),
          }),
        previewOrganizationCreate: async (_p, args, ctx) =>
          lifecycle.previewCreate({ actor: await actorOf(ctx), ...parseArgs(createBody, args.input) }),
      },
      Mutation: {
        createOrganization: async (_p, args, ctx) =>
          lifecycle.create({ actor: await actorOf(ctx), ...parseArgs(createBody, args.input) }),
        updateOrganization: async (_p, args, ctx) =>
          lifecycle.update({
            actor: await actorOf(ctx),
            ...parseArgs(idParams, { id: args.id }, 'args'),
            ...parseArgs(updateBody, args.input),
          }),
        suspendOrganization: (_p, args, ctx) => lifecycleAction('suspend', args, ctx),
        resumeOrganization: (_p, args, ctx) => lifecycleAction('resume', args, ctx),
        deprovisionOrganization: (_p, args, ctx) => lifecycleAction('deprovision', args, ctx),
        purgeOrganization: (_p, args, ctx) => lifecycleAction('purge', args, ctx),
        inviteUser: async (_p, args, ctx) =>
          orgUsers.invite({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.organizationId }, 'args').id,
            ...parseArgs(inviteBody, args.input),
          }),
        acceptInvitation: async (_p, args, ctx) =>
          orgUsers.accept({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.organizationId }, 'args').id,
          }),
        declineInvitation: async (_p, args, ctx) =>
          orgUsers.decline({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.organizationId }, 'args').id,
          }),
      },
      Organization: {
        manifests: async (org, _a, ctx) =>
          tenants.manifests({
            actor: await actorOf(ctx),
            organizationId: (org as OrganizationView).id,
          }),
        history: async (org, args, ctx) =>
          tenants.history({
            actor: await actorOf(ctx),
            organizationId: (org as OrganizationView).id,
            ...parseArgs(limitArgs, args, 'args'),
          }),
        sync: async (org, _a, ctx) =>
          syncStatus({
            actor: await actorOf(ctx),
            organizationId: (org as OrganizationView).id,
          }),
        changes: async (org, args, ctx) =>
          orgs.changesOf({
            actor: await actorOf(ctx),
            id: (org as OrganizationView).id,
            ...parseArgs(limitArgs, args, 'args'),
          }),
        users: async (org, _a, ctx) =>
          orgUsers.list({
            actor: await actorOf(ctx),
            organizationId: (org as OrganizationView).id,
          }),
      },
    },
  };
}
