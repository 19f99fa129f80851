import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** @default application/json */
  contentType?: string;
}

/** What a route declares about itself: the same zod schemas validate requests and document them. */
export interface RouteDoc {
  method: HttpMethod;
  /** Express path relative to /api/v1, e.g. `/organizations/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Bearer token required. */
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
}

/** Error codes every route may answer (docs/api.md lists them all). */
const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. slug_taken' }),
    message: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** Collects route docs while routers are built and renders them as one OpenAPI 3.1 document. */
export class OpenApiRegistry {
  private readonly routes: RouteDoc[] = [];

  /**
   * `checkResponses` (tests): every answer is checked against the schema its route documents
   * for that status, and a break answers 500 naming it — so every API test also tests the
   * document the admin's client is generated from.
   */
  constructor(readonly options: { checkResponses?: boolean } = {}) {}

  add(route: RouteDoc): void {
    this.routes.push(route);
  }

  document(info: { title: string; version: string; serverUrl: string }) {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const parameters = [
        ...Object.entries(route.params?.shape ?? {}).map(([name, schema]) => ({
          name,
          in: 'path',
          required: true,
          schema: jsonSchema(schema as z.ZodType, 'input'),
        })),
        ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
          name,
          in: 'query',
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType, 'input'),
        })),
        ...(route.auth
          ? [
              {
                name: 'X-Org-Context',
                in: 'header',
                required: false,
                description: "Organization id to narrow the request to, or 'all' (superadmins)",
                schema: { type: 'string' },
              },
            ]
          : []),
      ];
      const responses: Record<string, unknown> = {};
      for (const [status, spec] of Object.entries(route.responses)) {
        responses[status] = {
          description: spec.description,
          ...(spec.schema
            ? {
                content: {
                  [spec.contentType ?? 'application/json']: { schema: jsonSchema(spec.schema, 'output') },
                },
              }
            : {}),
        };
      }
      responses['4XX'] = {
        description: 'Refused; nothing was changed',
        content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } },
      };
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[route.method] = {
        summary: route.summary,
        tags: [route.tag],
        operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
        ...(parameters.length ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
              },
            }
          : {}),
        responses,
        ...(route.auth ? { security: [{ bearer: [] }] } : {}),
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: info.title, version: info.version },
      servers: [{ url: info.serverUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      paths,
    };
  }
}
