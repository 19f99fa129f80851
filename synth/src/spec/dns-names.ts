// DNS rules shared by the spec schema (what may enter) and the policy checks (what may leave).

/** RFC 1123 label, lowercase: what Kubernetes accepts as a namespace or most object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Longest DNS label, and so the longest Kubernetes object name synth emits. */
export const MAX_DNS_LABEL_LENGTH = 63;

const MAX_HOSTNAME_LENGTH = 253;

/** Why `host` is not a fully qualified lowercase hostname, or `null` when it is one. */
export function hostnameProblem(host: string): string | null {
  if (host.includes('*')) return 'wildcard domains are not supported; list each host';
  if (host !== host.toLowerCase()) return 'must be lowercase';
  if (host.length > MAX_HOSTNAME_LENGTH) {
    return `must be at most ${MAX_HOSTNAME_LENGTH} characters (has ${host.length})`;
  }
  const labels = host.split('.');
  if (labels.length < 2) return 'must be a fully qualified domain name such as shop.example.com';
  for (const label of labels) {
    if (label.length > MAX_DNS_LABEL_LENGTH) {
      return `label '${label}' is longer than ${MAX_DNS_LABEL_LENGTH} characters`;
    }
    if (!DNS_LABEL.test(label)) return `label '${label}' is not a valid DNS label`;
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return 'must be a hostname, not an IP address';
  return null;
}
