// Tier presets keep CPU in millicores and memory in MiB so that capacity can be added up and
// checked; Kubernetes wants quantity strings, produced here in their shortest exact form.

/** `250` → `'250m'`, `2000` → `'2'`. */
export function cpuQuantity(millicores: number): string {
  return millicores % 1000 === 0 ? `${millicores / 1000}` : `${millicores}m`;
}

/** `512` → `'512Mi'`, `2048` → `'2Gi'`. */
export function memoryQuantity(mebibytes: number): string {
  return mebibytes % 1024 === 0 ? `${mebibytes / 1024}Gi` : `${mebibytes}Mi`;
}

/** `20` → `'20Gi'`. */
export function storageQuantity(gibibytes: number): string {
  return `${gibibytes}Gi`;
}
