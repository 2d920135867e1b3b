// Loading the print faces before printing.
//
// Print documents are hidden on screen (printDocument adds `@media screen { body { display: none } }`): Chromium
// then skips the screen layout it would otherwise do twice per document — once on load and once more when
// printing ends and the screen layout is restored — which is about a third of the work of printing a part
// (docs/print.md). The price is that nothing on screen asks for the web fonts any more, and Chromium's print
// does not wait for a face it starts loading mid-print: the text of a face still loading comes out blank.
// So this script, run in the document before printToPDF (Playwright's page.evaluate, Electron's
// executeJavaScript), loads exactly the faces the printed text needs: for every text node it takes the
// element's font-family list and weight and, family by family in fallback order, lets the FontFaceSet load
// the faces whose unicode-range covers the characters not yet covered by an earlier family — what Chromium's
// own font fallback would request during layout. Faces already loaded (a worker's page keeps them between
// documents) cost nothing.
//
// It is a string because it runs in the print document, not in this program; it resolves to the number of
// faces it asked for.
export const FONT_LOAD_SCRIPT = `(async () => {
  const groups = new Map();
  const styleOf = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.data.trim()) continue;
    let key = styleOf.get(el);
    if (key === undefined) {
      const cs = getComputedStyle(el);
      key = cs.fontStyle + '|' + cs.fontWeight + '|' + cs.fontFamily;
      styleOf.set(el, key);
    }
    let set = groups.get(key);
    if (!set) groups.set(key, (set = new Set()));
    for (const ch of n.data) set.add(ch);
  }
  // Characters CSS adds itself (the TOC's leader dots) belong to the body face.
  const bodyKey = (() => { const cs = getComputedStyle(document.body); return cs.fontStyle + '|' + cs.fontWeight + '|' + cs.fontFamily; })();
  if (!groups.has(bodyKey)) groups.set(bodyKey, new Set());
  groups.get(bodyKey).add('\\u00b7');

  const parseRanges = (r) => (r || 'U+0-10FFFF').split(',').map((s) => s.trim().replace(/^U\\+/i, '')).filter(Boolean).map((s) => {
    if (s.includes('?')) return [parseInt(s.replace(/\\?/g, '0'), 16), parseInt(s.replace(/\\?/g, 'F'), 16)];
    const [a, b] = s.split('-');
    return [parseInt(a, 16), parseInt(b === undefined ? a : b, 16)];
  });
  const rangesOf = new Map();
  const covers = (face, cp) => {
    let r = rangesOf.get(face);
    if (!r) rangesOf.set(face, (r = parseRanges(face.unicodeRange).sort((x, y) => x[0] - y[0])));
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < r[mid][0]) hi = mid - 1;
      else if (cp > r[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const declared = new Set([...document.fonts].map((f) => f.family.replace(/^["']|["']$/g, '')));
  const splitFamilies = (list) => list.split(',').map((s) => s.trim().replace(/^["']|["']$/g, ''));

  let asked = 0;
  const jobs = [];
  for (const [key, chars] of groups) {
    const [style, weight, ...rest] = key.split('|');
    const families = splitFamilies(rest.join('|')).filter((f) => declared.has(f));
    jobs.push((async () => {
      let left = [...chars].filter((ch) => ch.codePointAt(0) > 0x20);
      for (const fam of families) {
        if (!left.length) break;
        const font = style + ' ' + weight + ' 16px "' + fam.replace(/"/g, '') + '"';
        let faces = [];
        try {
          faces = await document.fonts.load(font, left.join(''));
        } catch {
          faces = [];
        }
        asked += faces.length;
        if (faces.length) left = left.filter((ch) => !faces.some((f) => covers(f, ch.codePointAt(0))));
      }
    })());
  }
  await Promise.all(jobs);
  await document.fonts.ready;
  return asked;
})()`;
