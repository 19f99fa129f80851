import type { MediaUpload } from '../../api/media';

/**
 * Sends a file's bytes to the presigned URL, straight from the browser to S3. XMLHttpRequest and
 * not fetch: only XHR reports upload progress, which the per-file bar shows. The URL is bound to
 * the declared type and size, so the headers it was signed with are sent as they are.
 */
export function putToS3(
  upload: Pick<MediaUpload, 'url' | 'method' | 'headers'>,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new Error(`The storage refused the upload (HTTP ${xhr.status})`));
    xhr.onerror = () => reject(new Error('The storage cannot be reached; the file was not uploaded'));
    xhr.send(file);
  });
}
