/* global window, document, URLSearchParams */
/*
 * The company–project matrix in the browser: companyProjectLinksConnection as
 * a heatmap (companies × projects, weight as colour), for one edition or all.
 * Each cell opens its talks and announcements, each of which opens in the
 * graph view. The address follows the edition (`?edition=<id>`).
 */
(function () {
  'use strict';

  const { gql, el, fill } = window.RecapGraphApi;
  const MAX_LINKS = 200;

  const matrixBox = document.getElementById('matrix');
  const panel = document.getElementById('panel');
  const statusLine = document.getElementById('status');
  const select = document.getElementById('matrix-edition');

  const LINKS = `query($e: ID, $first: Int) {
    companyProjectLinksConnection(editionId: $e, first: $first) {
      totalCount
      edges { node { company { id label } project { id label } weight
        talks { id label edition { label } } announcements { id label edition { label } } backing } } } }`;

  const graphLink = (id, label) => el('a', { href: `/graph?id=${encodeURIComponent(id)}` }, label);

  /** Light for one fact, dark for the strongest link of the view. */
  function colour(weight, max) {
    const share = max > 1 ? (weight - 1) / (max - 1) : 1;
    return { background: `hsl(217, 75%, ${Math.round(88 - share * 50)}%)`, dark: share > 0.45 };
  }

  /** Rows or columns by total weight, strongest first, then by name. */
  function ranked(links, side) {
    const totals = new Map();
    for (const l of links) {
      const entry = totals.get(l[side].id) || { node: l[side], total: 0 };
      entry.total += l.weight;
      totals.set(l[side].id, entry);
    }
    return [...totals.values()]
      .sort((a, b) => b.total - a.total || a.node.label.localeCompare(b.node.label))
      .map((e) => e.node);
  }

  function showCell(link) {
    const item = (n) => [
      graphLink(n.id, n.label),
      n.edition ? el('span', { className: 'muted' }, ` — ${n.edition.label}`) : '',
    ];
    fill(panel, [
      el(
        'h2',
        { id: 'cell-title' },
        el('bdi', {}, link.company.label),
        ' × ',
        el('bdi', {}, link.project.label),
      ),
      el(
        'p',
        { className: 'muted' },
        `${link.weight} ${link.weight === 1 ? 'fact links' : 'facts link'} them.`,
      ),
      el(
        'p',
        {},
        el(
          'a',
          {
            href: `/graph?from=${encodeURIComponent(link.company.id)}&to=${encodeURIComponent(link.project.id)}`,
          },
          'Draw the path in the graph view',
        ),
      ),
      link.talks.length
        ? [
            el('h3', {}, `Talks (${link.talks.length})`),
            el(
              'ul',
              { className: 'list', id: 'cell-talks' },
              link.talks.map((t) => el('li', {}, item(t))),
            ),
          ]
        : '',
      link.announcements.length
        ? [
            el('h3', {}, `Announcements (${link.announcements.length})`),
            el(
              'ul',
              { className: 'list', id: 'cell-announcements' },
              link.announcements.map((a) => el('li', {}, item(a))),
            ),
          ]
        : '',
      link.backing.length
        ? [el('h3', {}, 'Backing'), el('p', {}, link.backing.map((b) => b.toLowerCase()).join(', '))]
        : '',
    ]);
  }

  function render(links, total, editionLabel) {
    const companies = ranked(links, 'company');
    const projects = ranked(links, 'project');
    const byPair = new Map(links.map((l) => [`${l.company.id} ${l.project.id}`, l]));
    const max = Math.max(1, ...links.map((l) => l.weight));
    const head = el(
      'tr',
      {},
      el('th', { className: 'corner' }, `${companies.length} companies × ${projects.length} projects`),
      projects.map((p) =>
        el('th', { className: 'col', scope: 'col' }, el('span', {}, graphLink(p.id, p.label))),
      ),
    );
    const rows = companies.map((c) =>
      el(
        'tr',
        {},
        el('th', { className: 'row', scope: 'row' }, graphLink(c.id, c.label)),
        projects.map((p) => {
          const link = byPair.get(`${c.id} ${p.id}`);
          if (!link) return el('td', {});
          const { background, dark } = colour(link.weight, max);
          return el(
            'td',
            {},
            el(
              'button',
              {
                type: 'button',
                className: `cell${dark ? ' dark' : ''}`,
                style: `background:${background}`,
                title: `${c.label} × ${p.label}: ${link.weight}`,
                dataset: { company: c.id, project: p.id, weight: String(link.weight) },
                onclick: (event) => {
                  for (const cell of matrixBox.querySelectorAll('.cell.selected'))
                    cell.classList.remove('selected');
                  event.currentTarget.classList.add('selected');
                  showCell(link);
                },
              },
              String(link.weight),
            ),
          );
        }),
      ),
    );
    matrixBox.replaceChildren(
      el('table', { className: 'heatmap' }, el('thead', {}, head), el('tbody', {}, rows)),
    );
    const cut = total > links.length ? ` (the ${links.length} strongest shown)` : '';
    fill(statusLine, [
      el('bdi', {}, editionLabel),
      `: ${total} company–project ${total === 1 ? 'link' : 'links'}${cut}`,
    ]);
  }

  // Each choice of edition takes a ticket: an answer that lands after a newer choice was made is
  // dropped, so a slow reply never paints its edition's cells under another edition's name.
  let latest = 0;

  async function show(editionId) {
    const ticket = ++latest;
    matrixBox.dataset.busy = 'true';
    try {
      const data = await gql(LINKS, { e: editionId || null, first: MAX_LINKS });
      if (ticket !== latest) return;
      const connection = data.companyProjectLinksConnection;
      const label = editionId ? select.options[select.selectedIndex].text : 'All editions';
      render(
        connection.edges.map((e) => e.node),
        connection.totalCount,
        label,
      );
      const search = editionId ? `?${new URLSearchParams({ edition: editionId })}` : '';
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    } catch (error) {
      if (ticket === latest) statusLine.textContent = `⚠ ${error.message}`;
    } finally {
      if (ticket === latest) matrixBox.dataset.busy = 'false';
    }
  }

  select.addEventListener('change', () => show(select.value));

  // The 1,000 newest: enough for a menu, and a bounded cost however large the graph.
  gql('{ editions(first: 1000) { id name } }')
    .then((data) => {
      for (const e of data.editions) select.append(el('option', { value: e.id }, e.name));
      const wanted = new URLSearchParams(window.location.search).get('edition');
      const known = !wanted || data.editions.some((e) => e.id === wanted);
      if (wanted && known) select.value = wanted;
      return show(select.value).then(() => {
        // A link to an edition that does not exist (a typo, a stale link) says so, rather than
        // pass off every edition's matrix as the one asked for.
        if (!known) statusLine.prepend(`⚠ no edition "${wanted}", so all editions are shown. `);
      });
    })
    .catch((error) => {
      statusLine.textContent = `⚠ ${error.message}`;
    });
})();
