import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { agencyRequestsQuery, registerBody, rejectBody } from './registration.schemas.js';
import type { RegistrationService } from './registration.service.js';

type Args = Record<string, unknown>;

export interface RegistrationGraphqlDeps {
  authenticate: Authenticate<Actor>;
  registration: RegistrationService;
}

/** Self-service sign-up and the agency review over GraphQL: the same service and schemas as /registrations. */
export function createRegistrationGraphql(deps: RegistrationGraphqlDeps): GraphqlModule {
  const { registration } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
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
    extend type Query {
      "Agency registrations (superadmins)."
      agencyRequests(state: String): [AgencyRequest!]!
    }
    extend type Mutation {
      register(input: RegisterInput!): Registration!
      approveAgencyRequest(id: ID!): AgencyDecision!
      rejectAgencyRequest(id: ID!, reason: String!): AgencyDecision!
    }
  `,
    resolvers: {
      Query: {
        agencyRequests: async (_p, args, ctx) => {
          const list = await registration.listAgencyRequests({
            actor: await actorOf(ctx),
            ...parseArgs(agencyRequestsQuery, args, 'args'),
          });
          return list.map((r) => ({ ...r, survey: surveyList(r.survey) }));
        },
      },
      Mutation: {
        register: (_p, args, ctx) => {
          const input = (args.input ?? {}) as Args;
          // REST takes the survey as a question → answer object; GraphQL as a list of pairs.
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
      },
    },
  };
}

function surveyList(survey: Record<string, string>) {
  return Object.entries(survey).map(([question, answer]) => ({ question, answer }));
}
