/**
 * The search page's only script: it reads `?q=` and asks the Pagefind index (written next to the
 * site after the build) in the browser. Results are shown as text: page title and excerpt, no markup.
 * Without JavaScript the search page explains how to browse instead.
 */
const SCRIPT = `(() => {
  const query = new URLSearchParams(location.search).get('q');
  const input = document.getElementById('search-q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const messages = document.getElementById('search-messages');
  if (!query || !query.trim() || !input || !status || !list || !messages) return;
  const message = (name) => messages.content.querySelector('[data-message="' + name + '"]').textContent;
  const text = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent || '';
  input.value = query;
  status.textContent = message('loading');
  import('/pagefind/pagefind.js')
    .then((pagefind) => pagefind.search(query.trim()))
    .then((search) => Promise.all(search.results.slice(0, 20).map((result) => result.data())).then((pages) => {
      list.replaceChildren(...pages.map((page) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = page.url;
        link.textContent = (page.meta && page.meta.title) || page.url;
        const excerpt = document.createElement('p');
        excerpt.textContent = text(page.excerpt);
        item.append(link, excerpt);
        return item;
      }));
      status.textContent = pages.length === 0 ? message('none') : message('count').replace('{n}', String(search.results.length));
    }))
    .catch(() => { status.textContent = message('none'); });
})();
`;

export function GET() {
  return new Response(SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
