// Rendering and control helpers shared by the page (app.js) and the
// extension's popup (extension/popup.js), so both show and copy a summary the
// same way. DOM
// nodes are built with textContent only: no text ever goes through HTML.

/** An element with props (class, text, data-/aria- attributes, title, href, id, tabindex; others as properties). */
export function node(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'title' || k === 'href' || k === 'id' || k === 'tabindex') n.setAttribute(k, v);
    else n[k] = v;
  }
  n.append(...children);
  return n;
}

/** Calls `changed(value)` when the radio group `name` changes. */
export function onRadioChange(name, changed) {
  for (const r of document.querySelectorAll(`input[name="${name}"]`)) r.addEventListener('change', () => changed(r.value));
}

/** Checks the radio of group `name` for which `isChecked(value)` is true (and unchecks the rest). */
export function checkRadios(name, isChecked) {
  for (const r of document.querySelectorAll(`input[name="${name}"]`)) r.checked = isChecked(r.value);
}

const resetTimers = new WeakMap();

/**
 * Copies `text` to the clipboard (the Clipboard API, else a selected hidden
 * textarea and execCommand) and shows the outcome on `button` ("Copied" /
 * "Copy failed", data-state done/failed) for 1.6 s. Resolves whether it worked.
 */
export async function copyWithFeedback(button, text) {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    const area = node('textarea', { class: 'sr-only', value: text });
    document.body.append(area);
    area.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    button.focus();
  }
  button.textContent = ok ? 'Copied' : 'Copy failed';
  button.dataset.state = ok ? 'done' : 'failed';
  clearTimeout(resetTimers.get(button));
  resetTimers.set(
    button,
    setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.state;
    }, 1600),
  );
  return ok;
}

const numberFormat = new Intl.NumberFormat('en');
/** 12345 -> "12,345". */
export const formatNumber = (n) => numberFormat.format(n);

let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
} catch {
  languageNames = null;
}
/** "de" -> "German"; "und" -> "undetermined"; unknown codes as they are. */
export function languageName(code) {
  if (!code || code === 'und') return 'undetermined';
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

const escapeMarkdown = (t) => t.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/**
 * A summary as Copy gives it. `type`: "headline", "key-points", "teaser" or
 * "tldr"; `format`: "markdown" or plain text; `headline` is the core's
 * summary string (a cut sentence), `sentences` the chosen sentences' texts.
 */
export function summaryText(type, format, headline, sentences) {
  const md = format === 'markdown';
  const esc = md ? escapeMarkdown : (t) => t;
  if (type === 'headline') return headline ? (md ? `**${esc(headline)}**` : headline) : '';
  if (!sentences.length) return '';
  if (type === 'key-points') return sentences.map((t) => (md ? `- ${esc(t)}` : `• ${t}`)).join('\n');
  if (type === 'teaser') return md ? `> ${esc(sentences.join(' '))}` : sentences.join(' ');
  return esc(sentences.join(' '));
}
