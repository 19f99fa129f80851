/** Hands a downloaded Blob to the browser as a file named `name` (the CSV export). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser holds its own reference; ours can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
