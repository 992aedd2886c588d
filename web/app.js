// The demo page: loads the core and summarizes pasted text in this tab.
import { loadCore } from './precis-core.js';

const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

let core = null;
try {
  core = await loadCore({ onProgress: (loaded, total) => status(`Loading… ${Math.round((100 * loaded) / (total || 1))}%`) });
  status('Ready');
} catch (e) {
  status(`Could not load precis: ${e.message}`);
}

function run() {
  if (!core) return;
  const text = $('input').value;
  const list = $('summary');
  list.replaceChildren();
  try {
    const t0 = performance.now();
    const result = core.summarize(text, { sentences: Number($('sentences').value) });
    for (const s of result.sentences.filter((s) => s.selected)) {
      const li = document.createElement('li');
      li.textContent = s.text; // text only, never markup
      list.append(li);
    }
    status(result.notes[0] ?? `${result.stats.selected} of ${result.stats.sentences} sentences · ${(performance.now() - t0).toFixed(1)} ms`);
  } catch (e) {
    status(e.message);
  }
}

$('go').addEventListener('click', run);
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});
