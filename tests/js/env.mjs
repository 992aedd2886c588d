// Paths the JS tests share; CTest sets them, defaults suit a local checkout.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ROOT = root;
/** The npm package folder the wasm build made: the library (precis.js, precis-core.js, precis-worker.js, precis.wasm, types). */
export const PACKAGE = process.env.PRECIS_WASM_PACKAGE ?? resolve(root, 'build/wasm/package');
/** The demo page, bundled from that package. */
export const DIST = process.env.PRECIS_WASM_DIST ?? resolve(root, 'build/wasm/dist');
export const CLI = process.env.PRECIS_CLI ?? resolve(root, 'build/native/precis');
export const SHARED = process.env.PRECIS_SHARED ?? resolve(root, '../shared');
export const importPackage = (name) => import(`${PACKAGE}/${name}`);
