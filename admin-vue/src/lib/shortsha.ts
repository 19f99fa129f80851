/** First 7 characters of a sha, also inside Flux revisions (`main@sha1:<hex>`). */
export function shortSha(value?: string | null): string {
  if (!value) return '';
  const at = value.lastIndexOf('@');
  const rev = at >= 0 ? value.slice(at + 1) : value;
  const hex = rev.replace(/^sha1:|^sha256:/, '');
  return hex.slice(0, 7);
}
