/**
 * Ladder's package folder, as a URL ending with "/". This module is two folders down from it,
 * and so is each compiled file that bundles it (build/cli/index.mjs, build/integration/index.mjs):
 * "../../" is the package folder from the sources and from the compiled files alike.
 */
export const packageRoot = new URL("../../", import.meta.url);
