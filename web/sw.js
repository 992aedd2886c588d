// precis service worker: keeps the page usable offline.
// Cache-first: every file of the page is cached at install and served from
// the cache afterwards. The build (web/stamp-sw.cmake) sets VERSION to a hash
// of the shipped files: when any of them changes, so does sw.js, and the
// browser installs the new cache and drops the old one.
const VERSION = 'precis-dev';
const FILES = [
  './',
  'index.html',
  'app.js',
  'theme.css',
  'app.css',
  'precis-worker.js',
  'precis.wasm',
  'icon.svg',
  'manifest.webmanifest',
  // The document readers' list (names and hashes of the lazy PDF/DOCX/EPUB
  // modules): cached with the page, and each module it names after it.
  'documents/manifest.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(VERSION);
      // One by one, not cache.addAll: a file missing from a build must not
      // prevent the others from being cached.
      const put = async (file) => {
        const response = await fetch(new Request(file, { cache: 'no-cache' }));
        if (response.ok) await cache.put(file, response);
      };
      await Promise.allSettled(FILES.map(put));
      // The document readers, so that a PDF opens offline too (their CMaps and
      // fonts, needed by few PDFs, are cached when first fetched).
      const list = await cache.match('documents/manifest.json');
      const modules = list ? Object.keys((await list.json().catch(() => ({}))).files ?? {}) : [];
      await Promise.allSettled(modules.map((name) => put(`documents/${name}`)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('precis-') && key !== VERSION) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(VERSION);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic' && !response.redirected) cache.put(request, response.clone());
        return response;
      } catch (error) {
        if (request.mode === 'navigate') {
          const page = (await cache.match('index.html')) ?? (await cache.match('./'));
          if (page) return page;
        }
        throw error;
      }
    })(),
  );
});
