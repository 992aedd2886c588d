// A small, forgiving XML tokenizer for the parts of DOCX and EPUB files the
// readers need (WordprocessingML, OPF, XHTML). It never builds a DOM and
// never interprets markup as HTML: it calls back with element starts, ends
// and decoded text. Malformed markup is read as text rather than rejected,
// so a damaged file still yields what it can.

// XML's five entities plus the HTML names XHTML e-books commonly use.
const ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a',
  ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', middot: '\u00b7', bull: '\u2022', euro: '\u20ac',
  pound: '\u00a3', sect: '\u00a7', para: '\u00b6', times: '\u00d7', divide: '\u00f7', iexcl: '\u00a1', iquest: '\u00bf',
  aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç', eacute: 'é',
  egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', ntilde: 'ñ', oacute: 'ó',
  ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü',
  yacute: 'ý', szlig: 'ß', Aacute: 'Á', Agrave: 'À', Auml: 'Ä', Eacute: 'É', Egrave: 'È', Ouml: 'Ö', Uuml: 'Ü',
  Ccedil: 'Ç', Ntilde: 'Ñ', oelig: 'œ', OElig: 'Œ', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
};

export function decodeEntities(text) {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,10});/g, (whole, name) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return ENTITIES[name] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source) {
  const out = {};
  for (const m of source.matchAll(ATTRIBUTE)) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Walks `xml`, calling handler.open(name, attrs, selfClosing), handler.close(name)
 * and handler.text(decodedText). Names keep their prefix ("w:p"). Comments,
 * processing instructions and doctypes are skipped; CDATA is text.
 */
export function walkXml(xml, handler) {
  let pos = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (pos < n) handler.text?.(decodeEntities(xml.slice(pos)));
      return;
    }
    if (lt > pos) handler.text?.(decodeEntities(xml.slice(pos, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      pos = end < 0 ? n : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      handler.text?.(xml.slice(lt + 9, end < 0 ? n : end));
      pos = end < 0 ? n : end + 3;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      // <?xml …?>, <!DOCTYPE …> (an internal subset ends at "]>").
      const bracket = xml.indexOf('[', lt);
      const gt = xml.indexOf('>', lt);
      if (xml[lt + 1] === '!' && bracket >= 0 && bracket < gt) {
        const end = xml.indexOf(']>', bracket);
        pos = end < 0 ? n : end + 2;
      } else {
        pos = gt < 0 ? n : gt + 1;
      }
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) {
        handler.text?.(decodeEntities(xml.slice(lt)));
        return;
      }
      const body = xml.slice(lt + 1, gt);
      if (body[0] === '/') {
        handler.close?.(body.slice(1).trim());
      } else {
        const selfClosing = body.endsWith('/');
        const inner = selfClosing ? body.slice(0, -1) : body;
        const space = inner.search(/\s/);
        const name = space < 0 ? inner : inner.slice(0, space);
        if (/^[A-Za-z_][\w.:-]*$/.test(name)) {
          handler.open?.(name, space < 0 ? {} : attributes(inner.slice(space)), selfClosing);
          if (selfClosing) handler.close?.(name);
        } else {
          // Not a tag ("a < b"): the '<' is text, and reading goes on right after it.
          handler.text?.('<');
          pos = lt + 1;
          continue;
        }
      }
      pos = gt + 1;
    }
  }
}

/** The local part of a prefixed name: "w:p" → "p". */
export const localName = (name) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** UTF-8 text of an XML file's bytes (a UTF-16 byte order mark is honoured). */
export function xmlText(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
