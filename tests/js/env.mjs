// Paths the JS tests share; CTest sets them, defaults suit a local checkout.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ROOT = root;
export const DIST = process.env.PRECIS_WASM_DIST ?? resolve(root, 'build/wasm/dist');
export const CLI = process.env.PRECIS_CLI ?? resolve(root, 'build/native/precis');
export const SHARED = process.env.PRECIS_SHARED ?? resolve(root, '../shared');
export const importDist = (name) => import(`${DIST}/${name}`);
