/**
 * HelmRepository (source.toolkit.fluxcd.io/v1) is not among the CRDs in shared/crds, so its
 * spec is checked against this hand-written schema: the fields of Flux 2.9's HelmRepository v1
 * API reference, closed like the CRD schemas (an unknown or misspelled field is an error).
 * Replace it by the CRD once shared/crds carries source.toolkit.fluxcd.io_helmrepositories.yaml.
 */
const duration = { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$' };
const localRef = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1 } },
  required: ['name'],
  additionalProperties: false,
};

export const helmRepositorySpecSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', pattern: '^(http|https|oci)://.*$' },
    secretRef: localRef,
    certSecretRef: localRef,
    passCredentials: { type: 'boolean' },
    insecure: { type: 'boolean' },
    interval: duration,
    timeout: duration,
    suspend: { type: 'boolean' },
    accessFrom: { type: 'object' },
    type: { type: 'string', enum: ['default', 'oci'] },
    provider: { type: 'string', enum: ['generic', 'aws', 'azure', 'gcp'] },
  },
  required: ['url'],
  additionalProperties: false,
} as const;
