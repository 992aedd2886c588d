// Reading the XML parts of a zip container (DOCX, EPUB) with fflate, within
// limits: only the entries asked for are inflated, and never more than
// MAX_UNPACKED_BYTES in all, whatever the archive claims.
import { unzipSync } from 'fflate';
import { DocumentError, MAX_UNPACKED_BYTES } from './common.js';
import { xmlText } from './xml.js';

/**
 * The entries of `bytes` whose names pass `wanted(name)`, as text, in a Map.
 * `label` names the format in messages ("Word document", "e-book").
 */
export function unzipText(bytes, wanted, label) {
  let total = 0;
  let files;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED_BYTES) {
          throw new DocumentError('too-large', `This ${label} unpacks to more than ${MAX_UNPACKED_BYTES / 1048576} MiB; precis does not read it.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('corrupt', `This ${label} is damaged: its zip container cannot be read (${error?.message ?? error}).`, { cause: error });
  }
  const out = new Map();
  for (const [name, data] of Object.entries(files)) {
    if (data.length > MAX_UNPACKED_BYTES) throw new DocumentError('too-large', `This ${label} unpacks to more than ${MAX_UNPACKED_BYTES / 1048576} MiB.`);
    out.set(name, xmlText(data));
  }
  return out;
}
