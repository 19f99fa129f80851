import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { keyBody, listQuery, orgParams, uploadBody } from './media.schemas.js';
import type { MediaService } from './media.service.js';

const orgArgs = z.object({ organizationId: orgParams.shape.id });

export interface MediaGraphqlDeps {
  authenticate: Authenticate<Actor>;
  media: MediaService;
}

/** Media over GraphQL: the same service and shapes as /organizations/{id}/media and /media. */
export function createMediaGraphql(deps: MediaGraphqlDeps): GraphqlModule {
  const { media } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type MediaItem {
      organizationId: ID!
      "YYYY/MM/<sanitised name>"
      key: String!
      size: Float!
      contentType: String!
      uploadedBy: ID
      uploadedAt: String!
      "Under public/, served by the CDN at MEDIA_PUBLIC_BASE_URL"
      public: Boolean!
      "In listings: the CDN's URL of a public object, else a presigned GET"
      url: String
    }
    type MediaPage {
      items: [MediaItem!]!
      nextCursor: String
    }
    type MediaHeader {
      name: String!
      value: String!
    }
    type MediaUpload {
      key: String!
      "Presigned: PUT the bytes straight to S3 with these headers"
      url: String!
      method: String!
      headers: [MediaHeader!]!
      expiresAt: String!
    }
    type MediaDownload {
      url: String!
      expiresAt: String!
    }
    type MediaStatus {
      bucket: String!
      "pending, ready, failed or deleted"
      state: String!
      error: String
      usedBytes: Float!
      quotaBytes: Float!
    }
    input MediaUploadInput {
      name: String!
      contentType: String!
      size: Int!
      "Key under public/, linked through MEDIA_PUBLIC_BASE_URL"
      public: Boolean
    }
    "A purge's media bucket deletion: deleted (with the time) only once S3 confirmed it."
    type MediaBucketDeletion {
      bucket: String!
      "pending, failed or deleted"
      state: String!
      error: String
      deletedAt: String
    }
    extend type TenantCommit {
      "On a purge's commits: whether the media bucket is deleted yet."
      mediaBucket: MediaBucketDeletion
    }
    extend type Organization {
      "The media bucket's state and quota use; null for the platform."
      media: MediaStatus
    }
    extend type Query {
      "One organization's media, keys descending."
      media(organizationId: ID!, prefix: String, year: Int, month: Int, type: String, limit: Int, cursor: String): MediaPage!
      "Media of every visible organization (an agency: its own and its clients)."
      allMedia(prefix: String, year: Int, month: Int, type: String, limit: Int, cursor: String): MediaPage!
      "A presigned GET of an object."
      mediaDownload(organizationId: ID!, key: String!): MediaDownload!
    }
    extend type Mutation {
      "A presigned PUT bound to the key, content type and size."
      createMediaUpload(organizationId: ID!, input: MediaUploadInput!): MediaUpload!
      "Records an uploaded object as S3 stored it."
      completeMediaUpload(organizationId: ID!, key: String!): MediaItem!
      "Deletes an object."
      deleteMedia(organizationId: ID!, key: String!): Boolean!
    }
  `,
    resolvers: {
      Query: {
        media: async (_p, { organizationId, ...filter }, ctx) =>
          media.list({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(listQuery, filter, 'args'),
          }),
        allMedia: async (_p, args, ctx) =>
          media.listAll({ actor: await actorOf(ctx), ...parseArgs(listQuery, args, 'args') }),
        mediaDownload: async (_p, { organizationId, key }, ctx) =>
          media.downloadUrl({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(keyBody, { key }, 'args'),
          }),
      },
      Mutation: {
        createMediaUpload: async (_p, { organizationId, input }, ctx) => {
          const upload = await media.createUpload({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(uploadBody, input),
          });
          return {
            ...upload,
            headers: Object.entries(upload.headers).map(([name, value]) => ({ name, value })),
          };
        },
        completeMediaUpload: async (_p, { organizationId, key }, ctx) =>
          media.complete({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(keyBody, { key }, 'args'),
          }),
        deleteMedia: async (_p, { organizationId, key }, ctx) => {
          await media.remove({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(keyBody, { key }, 'args'),
          });
          return true;
        },
      },
      Organization: {
        // Organization views carry it already (loaded for the whole page); anything else asks.
        media: (parent) => {
          const org = parent as { id: string; media?: unknown };
          return org.media !== undefined ? org.media : media.status(org.id);
        },
      },
    },
  };
}
