import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { loginBody, refreshBody, verifyEmailBody } from '../auth/auth.schemas.js';
import type { AuthService } from '../auth/auth.service.js';
import type { ChangeReview } from '../changes/change-review.js';
import { approveBody, rejectBody as rejectChangeBody } from '../changes/changes.schemas.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { agencyRequestsQuery, registerBody, rejectBody } from '../registration/registration.schemas.js';
import type { RegistrationService } from '../registration/registration.service.js';
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
  auth: AuthService;
  orgs: OrgsService;
  orgUsers: OrgUsersService;
  tenants: TenantsService;
  lifecycle: TenantLifecycle;
  syncStatus: OrganizationSyncStatus;
  registration: RegistrationService;
  changeReview: ChangeReview;
}

/**
 * The GraphQL face of issue #5: the same service methods as the REST routes, arguments checked by
 * the same zod schemas, errors mapped by the same formatError (same codes in extensions.code).
 */
export function createOrgsGraphql(deps: OrgsGraphqlDeps): GraphqlModule {
  const { auth, orgs, orgUsers, tenants, lifecycle, syncStatus, registration, changeReview } = deps;
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

  async function decide(approve: boolean, args: Args, ctx: GraphqlContext) {
    return changeReview.decide({
      actor: await actorOf(ctx),
      ...parseArgs(idParams, { id: args.id }, 'args'),
      approve,
      ...parseArgs(approve ? approveBody : rejectChangeBody, { reason: args.reason ?? undefined }, 'args'),
    });
  }

  return {
    typeDefs: /* GraphQL */ `
    type Membership {
      organizationId: ID!
      organizationName: String!
      slug: String!
      kind: String!
      role: String!
    }
    type Me {
      id: ID!
      email: String!
      name: String!
      emailVerified: Boolean!
      roles: [String!]!
      capabilities: [String!]!
      memberships: [Membership!]!
    }
    type Tokens {
      accessToken: String!
      refreshToken: String!
      tokenType: String!
      expiresIn: Int!
      user: Me!
    }
    type ThemeRef {
      name: String!
      version: String!
    }
    type LastChange {
      id: ID
      sha: String!
      committedAt: String!
    }
    type ChangeRequest {
      id: ID!
      kind: String!
      state: String!
      summary: String!
      commitSha: String
      requestedById: ID!
      approvedById: ID
      reason: String
      error: String
      createdAt: String!
      committedAt: String
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
    type TenantSyncStatus {
      status: String!
      appliedRevision: String
      readyAt: String
      message: String
      lastChange: LastChange
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
      manifests: TenantManifests!
      history(limit: Int): [TenantCommit!]!
      sync: TenantSyncStatus!
      changes(limit: Int): [ChangeRequest!]!
      users: [Member!]!
    }
    type OrganizationPage {
      items: [Organization!]!
      total: Int!
      nextCursor: String
    }
    type OrganizationChange {
      organization: Organization!
      change: ChangeRequest
    }
    type FilePreview {
      path: String!
      status: String!
      patch: String!
    }
    type ChangePreview {
      baseSha: String
      files: [FilePreview!]!
    }
    type RegisteredOrganization {
      id: ID!
      slug: String!
      name: String!
      state: String!
    }
    type Registration {
      organization: RegisteredOrganization!
      change: ChangeRequest
    }
    type SurveyAnswer {
      question: String!
      answer: String!
    }
    type AgencyRequestOrganization {
      id: ID
      slug: String
      name: String
    }
    type AgencyRequest {
      id: ID!
      state: String!
      survey: [SurveyAnswer!]!
      reason: String
      decidedAt: String
      createdAt: String!
      organization: AgencyRequestOrganization!
      projectType: String
      email: String
    }
    type AgencyDecision {
      id: ID
      state: String!
      reason: String
      organization: RegisteredOrganization
      change: ChangeRequest
    }
    type Invitation {
      userId: ID!
      email: String!
      role: String!
      invited: Boolean!
    }
    input SurveyAnswerInput {
      question: String!
      answer: String!
    }
    input RegisterInput {
      accountType: String!
      projectType: String!
      organizationName: String!
      slug: String
      email: String!
      password: String!
      seedDemoData: Boolean
      agencySurvey: [SurveyAnswerInput!]
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
      "The signed-in user."
      me: Me!
      "Organizations the golden rule lets the actor see (X-Org-Context narrows it)."
      organizations(state: String, tier: String, parentId: ID, limit: Int, cursor: String): OrganizationPage!
      organization(id: ID!): Organization!
      "Agency registrations (superadmins)."
      agencyRequests(state: String): [AgencyRequest!]!
      "What an update would commit, without committing it."
      previewOrganizationUpdate(id: ID!, input: UpdateOrganizationInput!): ChangePreview!
      "The signed-in user's pending invitations into organizations."
      myInvitations: [PendingInvitation!]!
    }
    "Root of every mutation; other modules add theirs with extend type Mutation."
    type Mutation {
      login(email: String!, password: String!): Tokens!
      refresh(refreshToken: String!): Tokens!
      logout(refreshToken: String!): Boolean!
      verifyEmail(token: String!, password: String): Me!
      register(input: RegisterInput!): Registration!
      approveAgencyRequest(id: ID!): AgencyDecision!
      rejectAgencyRequest(id: ID!, reason: String!): AgencyDecision!
      createOrganization(input: CreateOrganizationInput!): OrganizationChange!
      updateOrganization(id: ID!, input: UpdateOrganizationInput!): OrganizationChange!
      suspendOrganization(id: ID!, reason: String): OrganizationChange!
      resumeOrganization(id: ID!, reason: String): OrganizationChange!
      deprovisionOrganization(id: ID!, reason: String): OrganizationChange!
      purgeOrganization(id: ID!, reason: String): OrganizationChange!
      inviteUser(organizationId: ID!, input: InviteUserInput!): Invitation!
      acceptInvitation(organizationId: ID!): PendingInvitation!
      declineInvitation(organizationId: ID!): PendingInvitation!
      approveChangeRequest(id: ID!, reason: String): ChangeRequest!
      rejectChangeRequest(id: ID!, reason: String): ChangeRequest!
    }
  `,
    resolvers: {
      Query: {
        me: async (_p, _a, ctx) => auth.me({ actor: await actorOf(ctx) }),
        myInvitations: async (_p, _a, ctx) => orgUsers.invitations({ actor: await actorOf(ctx) }),
        organizations: async (_p, args, ctx) =>
          orgs.list({ actor: await actorOf(ctx), ...parseArgs(listQuery, args, 'args') }),
        organization: async (_p, args, ctx) =>
          orgs.get({ actor: await actorOf(ctx), ...parseArgs(idParams, args, 'args') }),
        agencyRequests: async (_p, args, ctx) => {
          const list = await registration.listAgencyRequests({
            actor: await actorOf(ctx),
            ...parseArgs(agencyRequestsQuery, args, 'args'),
          });
          return list.map((r) => ({ ...r, survey: surveyList(r.survey) }));
        },
        previewOrganizationUpdate: async (_p, args, ctx) =>
          lifecycle.preview({
            actor: await actorOf(ctx),
            ...parseArgs(idParams, { id: args.id }, 'args'),
            ...parseArgs(updateBody, args.input),
          }),
      },
      Mutation: {
        login: (_p, args, ctx) =>
          auth.login({ ...parseArgs(loginBody, args, 'args'), ip: ctx.req.ip ?? 'unknown' }),
        refresh: (_p, args, ctx) => auth.refresh(parseArgs(refreshBody, args, 'args')),
        logout: async (_p, args, ctx) => {
          await auth.logout(parseArgs(refreshBody, args, 'args'));
          return true;
        },
        verifyEmail: (_p, args, ctx) =>
          auth.verifyEmail({
            ...parseArgs(verifyEmailBody, args, 'args'),
            ip: ctx.req.ip ?? 'unknown',
          }),
        register: (_p, args, ctx) => {
          const input = (args.input ?? {}) as Args;
          const survey = Array.isArray(input.agencySurvey)
            ? Object.fromEntries(
                (input.agencySurvey as { question: string; answer: string }[]).map((s) => [
                  s.question,
                  s.answer,
                ]),
              )
            : input.agencySurvey;
          return registration.register({
            ...parseArgs(registerBody, { ...input, agencySurvey: survey }),
            ip: ctx.req.ip ?? 'unknown',
          });
        },
        approveAgencyRequest: async (_p, args, ctx) =>
          registration.approveAgencyRequest({
            actor: await actorOf(ctx),
            ...parseArgs(idParams, args, 'args'),
          }),
        rejectAgencyRequest: async (_p, args, ctx) =>
          registration.rejectAgencyRequest({
            actor: await actorOf(ctx),
            ...parseArgs(idParams, { id: args.id }, 'args'),
            ...parseArgs(rejectBody, { reason: args.reason }, 'args'),
          }),
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
        approveChangeRequest: (_p, args, ctx) => decide(true, args, ctx),
        rejectChangeRequest: (_p, args, ctx) => decide(false, args, ctx),
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

function surveyList(survey: Record<string, string>) {
  return Object.entries(survey).map(([question, answer]) => ({ question, answer }));
}
