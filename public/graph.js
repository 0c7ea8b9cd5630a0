/* global window, document, URLSearchParams, cytoscape */
/*
 * The graph view in the browser: entities and relationships drawn with
 * cytoscape.js (its prebuilt browser bundle, a global), read from this
 * service's GraphQL API. A search opens an entity's neighbourhood, a click on
 * a node expands it, a click on a relationship shows the articles and
 * paragraphs it comes from, and the path form draws the shortest chain
 * between two entities. The address follows what is shown (`?id=`,
 * `?from=&to=`, `?ids=`), so every view can be shared or opened from the
 * GraphQL explorer.
 */
(function () {
  'use strict';

  const { gql, el, fill, TYPE_COLOURS, TYPE_NAMES } = window.RecapGraphApi;
  const MAX_IDS = 50;
  const PER_REQUEST = 5;
  const HOODS_PER_REQUEST = 2;
  const OPEN_FIRST = 40;
  const EXPAND_FIRST = 25;

  const SOURCES = 'sources { locator article { id title url } }';
  const SUBGRAPH = `truncated nodes { id type label } edges { from to relation weight reference ${SOURCES} }`;

  const graphBox = document.getElementById('graph');
  const panel = document.getElementById('panel');
  const statusLine = document.getElementById('status');
  const results = document.getElementById('search-results');
  let truncatedNote = '';

  const cy = cytoscape({
    container: graphBox,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': (n) => TYPE_COLOURS[n.data('type')] || '#888',
          label: 'data(short)',
          color: '#1f2937',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': 120,
          // A light plate behind each name keeps it readable where edges cross it.
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.75,
          'text-background-padding': 1,
          width: 22,
          height: 22,
        },
      },
      { selector: 'node[type = "COMPANY"]', style: { shape: 'round-rectangle', width: 26 } },
      { selector: 'node[type = "PROJECT"]', style: { shape: 'hexagon', width: 26, height: 24 } },
      { selector: 'node[type = "EDITION"]', style: { shape: 'star', width: 26, height: 26 } },
      { selector: 'node[type = "ARTICLE"]', style: { shape: 'rectangle', width: 16, height: 20 } },
      { selector: 'node[type = "ANNOUNCEMENT"]', style: { shape: 'diamond' } },
      {
        selector: 'node.centre',
        style: { width: 34, height: 34, 'font-weight': 'bold', 'font-size': 13, 'z-index': 20 },
      },
      {
        selector: 'node:selected',
        style: { 'border-width': 4, 'border-color': '#111827' },
      },
      {
        selector: 'edge',
        style: {
          width: (e) => Math.min(1 + e.data('weight'), 8),
          'line-color': '#9ca3af',
          'target-arrow-color': '#9ca3af',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(relation)',
          'font-size': 7,
          // Relationship names appear once the view is zoomed in enough to read them.
          'min-zoomed-font-size': 7,
          color: '#4b5563',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': 1,
        },
      },
      { selector: 'edge.path', style: { 'line-color': '#111827', 'target-arrow-color': '#111827' } },
      {
        selector: 'edge:selected',
        style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 10 },
      },
    ],
  });

  // ---- helpers -------------------------------------------------------------

  const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const typeBadge = (type) =>
    el(
      'span',
      { className: 'badge', style: `background:${TYPE_COLOURS[type] || '#888'}` },
      TYPE_NAMES[type] || type,
    );
  const labelOf = (id) => {
    const node = cy.getElementById(id);
    return node.nonempty() ? node.data('label') : id;
  };

  function setStatus(text) {
    statusLine.textContent = text;
  }

  function showCounts() {
    const n = cy.nodes().length;
    const e = cy.edges().length;
    setStatus(
      `${n} ${n === 1 ? 'entity' : 'entities'}, ${e} ${e === 1 ? 'relationship' : 'relationships'}${truncatedNote}`,
    );
  }

  // Each user action takes a ticket in its lane (what the view shows; the search results). An
  // answer that lands after a newer action of its lane began is dropped (`fresh()` turns false), so
  // a slow reply never paints over what the user asked for since: the panel, the canvas, the
  // address and the status line follow the last action.
  const latestTicket = { view: 0, search: 0 };
  let inFlight = 0;

  /**
   * Runs `work(fresh)` with the view marked busy (tests and people can see it) until every
   * action has settled, reporting a failure in the status line unless a newer action began.
   */
  async function busy(work, lane = 'view') {
    const ticket = ++latestTicket[lane];
    const fresh = () => ticket === latestTicket[lane];
    inFlight += 1;
    graphBox.dataset.busy = 'true';
    try {
      await work(fresh);
    } catch (error) {
      if (fresh()) setStatus(`⚠ ${error.message}`);
      window.console.warn('[graph]', error);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) graphBox.dataset.busy = 'false';
    }
  }

  function setAddress(params) {
    const search = new URLSearchParams(params).toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }

  /** Adds a subgraph's nodes and edges to the canvas (existing ones are kept); returns the new nodes. */
  function addSubgraph(graph) {
    const added = [];
    for (const n of graph.nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      added.push(
        cy.add({
          group: 'nodes',
          data: { id: n.id, type: n.type, label: n.label, short: shorten(n.label, 36) },
        }),
      );
    }
    for (const e of graph.edges) {
      const id = `${e.from}|${e.relation}|${e.to}`;
      if (cy.getElementById(id).nonempty()) continue;
      if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) continue;
      cy.add({ group: 'edges', data: { ...e, id, source: e.from, target: e.to } });
    }
    return cy.collection(added);
  }

  /** Cytoscape's own force-directed layout, from where nodes are now (an expansion keeps its bearings). */
  function runLayout() {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 40,
      nodeRepulsion: () => 60000,
      idealEdgeLength: () => 110,
      nodeOverlap: 20,
      gravity: 0.3,
      numIter: 1500,
    }).run();
  }

  // ---- what the canvas shows -------------------------------------------------

  async function openEntity(id) {
    await busy(async (fresh) => {
      const data = await gql(
        `query($id: ID!, $first: Int) { neighborhood(id: $id, first: $first) { ${SUBGRAPH} } }`,
        {
          id,
          first: OPEN_FIRST,
        },
      );
      if (!fresh()) return;
      cy.elements().remove();
      addSubgraph(data.neighborhood);
      cy.getElementById(id).addClass('centre');
      truncatedNote = data.neighborhood.truncated
        ? ` (the ${OPEN_FIRST} best supported neighbours shown)`
        : '';
      runLayout();
      cy.getElementById(id).select();
      setAddress({ id });
      showCounts();
      await showEntity(id, fresh);
    });
  }

  async function expand(id) {
    await busy(async (fresh) => {
      const data = await gql(
        `query($id: ID!, $first: Int) { neighborhood(id: $id, first: $first) { ${SUBGRAPH} } }`,
        {
          id,
          first: EXPAND_FIRST,
        },
      );
      if (!fresh()) return;
      const added = addSubgraph(data.neighborhood);
      if (added.nonempty()) {
        // New nodes start around the one expanded, then the layout settles them.
        const at = cy.getElementById(id).position();
        added.forEach((n, i) => {
          const angle = (2 * Math.PI * i) / added.length;
          n.position({ x: at.x + 120 * Math.cos(angle), y: at.y + 120 * Math.sin(angle) });
        });
        runLayout();
      }
      cy.elements().unselect();
      cy.getElementById(id).select();
      truncatedNote = data.neighborhood.truncated ? ` (some neighbours of ${labelOf(id)} not shown)` : '';
      showCounts();
      await showEntity(id, fresh);
    });
  }

  /** An id as typed, or the best search hit for a name. */
  async function resolve(text) {
    const value = text.trim();
    if (/^[a-z]+:[a-z0-9-]+$/.test(value)) return value;
    const data = await gql('query($q: String!) { search(query: $q, first: 1) { node { id } } }', {
      q: value,
    });
    if (!data.search.length) throw new Error(`nothing in the graph matches "${value}"`);
    return data.search[0].node.id;
  }

  async function drawPath(fromText, toText) {
    await busy(async (fresh) => {
      const [from, to] = await Promise.all([resolve(fromText), resolve(toText)]);
      if (!fresh()) return;
      const data = await gql(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { length subgraph { ${SUBGRAPH} } } }`,
        { from, to },
      );
      if (!fresh()) return;
      setAddress({ from, to });
      cy.elements().remove();
      truncatedNote = '';
      if (!data.path) {
        setStatus(`No path between ${from} and ${to} within 6 relationships`);
        showPathPanel(from, to, null);
        return;
      }
      const graph = data.path.subgraph;
      addSubgraph(graph);
      cy.edges().addClass('path');
      // A path reads left to right.
      graph.nodes.forEach((n, i) => cy.getElementById(n.id).position({ x: i * 230, y: i % 2 ? 40 : -40 }));
      cy.getElementById(from).addClass('centre');
      cy.getElementById(to).addClass('centre');
      cy.fit(undefined, 60);
      showCounts();
      showPathPanel(from, to, graph);
    });
  }

  /** Nodes of a GraphQL result, with the relationships among them. */
  async function openIds(ids) {
    await busy(async (fresh) => {
      const wanted = [...new Set(ids)].filter((id) => /^[a-z]+:[a-z0-9-]+$/.test(id)).slice(0, MAX_IDS);
      if (!wanted.length) throw new Error('no entity ids to show');
      // The API refuses one field selected more than QUERY_MAX_REPEATS (5) times in a
      // request, so ids are asked for in chunks of five, the chunks in parallel.
      const chunks = [];
      for (let at = 0; at < wanted.length; at += PER_REQUEST) chunks.push(wanted.slice(at, at + PER_REQUEST));
      const lookups = await Promise.all(
        chunks.map((chunk) => {
          const vars = chunk.map((_, i) => `$i${i}: ID!`).join(', ');
          const nodes = chunk.map((_, i) => `n${i}: node(id: $i${i}) { id type label }`).join('\n');
          return gql(`query(${vars}) { ${nodes} }`, Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])));
        }),
      );
      if (!fresh()) return;
      const byId = new Map(
        chunks.flatMap((chunk, c) => chunk.map((id, i) => [id, lookups[c][`n${i}`]])).filter(([, n]) => n),
      );
      const present = wanted.filter((id) => byId.has(id));
      cy.elements().remove();
      truncatedNote = ids.length > MAX_IDS ? ` (the first ${MAX_IDS} ids of the result)` : '';
      addSubgraph({ nodes: present.map((id) => byId.get(id)), edges: [] });
      // Two neighbourhoods of 200 per request: each costs about 11,000 in the API's
      // estimate (its edges times their sources), and a request may cost 25,000.
      for (let at = 0; at < present.length; at += HOODS_PER_REQUEST) {
        const chunk = present.slice(at, at + HOODS_PER_REQUEST);
        const pvars = chunk.map((_, i) => `$i${i}: ID!`).join(', ');
        const hoods = chunk
          .map(
            (_, i) =>
              `h${i}: neighborhood(id: $i${i}, first: 200) { edges { from to relation weight reference ${SOURCES} } }`,
          )
          .join('\n');
        const around = await gql(
          `query(${pvars}) { ${hoods} }`,
          Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])),
        );
        if (!fresh()) return;
        // Only the relationships between the result's own entities (addSubgraph skips the others).
        addSubgraph({ nodes: [], edges: chunk.flatMap((_, i) => around[`h${i}`].edges) });
      }
      runLayout();
      setAddress({ ids: wanted.join(',') });
      showCounts();
      fill(panel, [
        el('h2', {}, 'From the explorer'),
        el(
          'p',
          {},
          `${present.length} ${present.length === 1 ? 'entity' : 'entities'} of the result, with the relationships between them.`,
        ),
        el(
          'ul',
          { className: 'list' },
          present.map((id) => el('li', {}, entityLink(id, labelOf(id)))),
        ),
      ]);
    });
  }

  // ---- the side panel ------------------------------------------------------

  /** A link to an entity: opens it here (and works as a plain link in a new tab). */
  function entityLink(id, label) {
    return el(
      'a',
      {
        href: `/graph?id=${encodeURIComponent(id)}`,
        dataset: { id },
        onclick: (event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          if (cy.getElementById(id).nonempty()) {
            cy.elements().unselect();
            cy.getElementById(id).select();
            expand(id);
          } else openEntity(id);
        },
      },
      label,
    );
  }

  const ref = (n) => (n ? entityLink(n.id, n.label) : '—');
  const section = (title, items) =>
    items && items.length
      ? [
          el('h3', {}, `${title} (${items.length})`),
          el(
            'ul',
            { className: 'list' },
            items.map((i) => el('li', {}, i)),
          ),
        ]
      : [];
  function sourceItem(s) {
    const title = s.article ? s.article.title : 'unknown article';
    return el(
      'span',
      { className: 'source' },
      el('span', { className: 'source-title' }, title),
      ` ${s.locator}`,
    );
  }

  const ENTITY = `query($id: ID!) { node(id: $id) { id type label
    ... on Edition { aliases year region format city country startDate endDate attendees reference
      editionTalks: talks(first: 100) { edges { node { id label } } } announcements { id label }
      figures { id label value unit } }
    ... on Talk { originalTitle talkKind: kind day summary edition { id label }
      participants { person { id label } role company { id label } jobTitle }
      projects { id label } mentionedCompanies { id label } sources { locator article { title } } }
    ... on Person { aliases
      affiliations { company { id label } jobTitle edition { id label } sources { locator article { title } } }
      talks { id label edition { id label } } }
    ... on Company { aliases homepage people { id label } talks { id label edition { id label } }
      backs { project { id label } kind } }
    ... on Project { aliases cncf maturity homepage description talks { id label edition { id label } }
      announcements { id label } backers { company { id label } kind } }
    ... on Article { language authors url publishedOn covers series publisher { id label } edition { id label } }
    ... on Announcement { announcementKind: kind maturity version edition { id label } projects { id label } companies { id label }
      sources { locator article { title } } }
    ... on Figure { value unit edition { id label } sources { locator article { title } } }
  } }`;

  function properties(n) {
    const rows = [];
    const add = (name, value) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length))
        return;
      rows.push(
        el('tr', {}, el('th', {}, name), el('td', {}, Array.isArray(value) ? value.join(', ') : value)),
      );
    };
    add('id', n.id);
    add('aliases', n.aliases);
    for (const key of ['year', 'region', 'format', 'city', 'country', 'startDate', 'endDate', 'attendees'])
      add(key, n[key]);
    add('kind', n.talkKind || n.announcementKind);
    for (const key of ['originalTitle', 'day', 'cncf', 'maturity', 'version', 'language', 'publishedOn']) {
      add(key, typeof n[key] === 'boolean' ? (n[key] ? 'yes' : 'no') : n[key]);
    }
    for (const key of ['covers', 'series', 'authors', 'value', 'unit', 'reference']) add(key, n[key]);
    if (n.homepage)
      rows.push(
        el(
          'tr',
          {},
          el('th', {}, 'homepage'),
          el('td', {}, el('a', { href: n.homepage, rel: 'noreferrer' }, n.homepage)),
        ),
      );
    if (n.url)
      rows.push(
        el('tr', {}, el('th', {}, 'url'), el('td', {}, el('a', { href: n.url, rel: 'noreferrer' }, n.url))),
      );
    if (n.edition) rows.push(el('tr', {}, el('th', {}, 'edition'), el('td', {}, ref(n.edition))));
    if (n.publisher) rows.push(el('tr', {}, el('th', {}, 'publisher'), el('td', {}, ref(n.publisher))));
    return el('table', { className: 'props' }, rows);
  }

  /** Fills the panel with an entity, unless `fresh()` says a newer action began meanwhile. */
  async function showEntity(id, fresh) {
    const data = await gql(ENTITY, { id });
    const n = data.node;
    if (!n || !fresh()) return;
    const talkItem = (t) => [
      ref(t),
      t.edition ? el('span', { className: 'muted' }, ` — ${t.edition.label}`) : '',
    ];
    fill(panel, [
      el('div', { className: 'panel-kind' }, typeBadge(n.type)),
      el('h2', { id: 'entity-title' }, n.label),
      el(
        'div',
        { className: 'panel-actions' },
        el('button', { type: 'button', onclick: () => expand(n.id) }, 'Expand neighbours'),
        el('button', { type: 'button', onclick: () => openEntity(n.id) }, 'Centre here'),
      ),
      properties(n),
      n.description ? el('p', {}, n.description) : '',
      n.summary ? el('p', { className: 'summary' }, n.summary) : '',
      section(
        'Affiliations by edition',
        (n.affiliations || [])
          .slice()
          .sort((a, b) =>
            ((a.edition && a.edition.label) || '').localeCompare((b.edition && b.edition.label) || ''),
          )
          .map((a) => [
            el('span', { className: 'muted' }, a.edition ? `${a.edition.label}: ` : 'no edition given: '),
            ref(a.company),
            a.jobTitle ? ` (${a.jobTitle})` : '',
          ]),
      ),
      section(
        'On stage',
        (n.participants || []).map((p) => [
          ref(p.person),
          ` ${p.role.toLowerCase()}`,
          p.company ? [', ', ref(p.company)] : '',
        ]),
      ),
      section('Talks', (n.talks || []).map(talkItem)),
      section('Talks', (n.editionTalks ? n.editionTalks.edges.map((e) => e.node) : []).map(ref)),
      section('People', (n.people || []).map(ref)),
      section(
        'Backs',
        (n.backs || []).map((b) => [ref(b.project), ` (${b.kind.toLowerCase()})`]),
      ),
      section(
        'Backed by',
        (n.backers || []).map((b) => [ref(b.company), ` (${b.kind.toLowerCase()})`]),
      ),
      section('Projects', (n.projects || []).map(ref)),
      section('Companies', (n.companies || []).map(ref)),
      section('Companies discussed', (n.mentionedCompanies || []).map(ref)),
      section('Announcements', (n.announcements || []).map(ref)),
      section(
        'Figures',
        (n.figures || []).map((f) => [ref(f), ` ${f.value}${f.unit ? ` ${f.unit}` : ''}`]),
      ),
      section('Sources', (n.sources || []).map(sourceItem)),
    ]);
  }

  function showEdge(edge) {
    latestTicket.view += 1; // an action of its own: a panel still on its way must not replace this one
    const d = edge.data();
    fill(panel, [
      el('div', { className: 'panel-kind' }, el('span', { className: 'badge relation' }, d.relation)),
      el('h2', { id: 'edge-title' }, el('bdi', {}, labelOf(d.from)), ' → ', el('bdi', {}, labelOf(d.to))),
      el(
        'p',
        {},
        ref({ id: d.from, label: labelOf(d.from) }),
        ` ${d.relation} `,
        ref({ id: d.to, label: labelOf(d.to) }),
      ),
      el('p', { className: 'muted' }, `Supported by ${d.weight} ${d.weight === 1 ? 'fact' : 'facts'}.`),
      el('h3', {}, 'Where the recaps say so'),
      d.sources.length
        ? el(
            'ul',
            { className: 'list sources', id: 'edge-sources' },
            d.sources.map((s) => el('li', {}, sourceItem(s))),
          )
        : el('p', { id: 'edge-sources' }, 'No recap paragraph states it.'),
      d.reference ? el('p', {}, el('strong', {}, 'Reference: '), d.reference) : '',
    ]);
  }

  function showPathPanel(from, to, graph) {
    if (!graph) {
      fill(panel, [
        el('h2', {}, 'No path'),
        el('p', {}, `Nothing links ${from} to ${to} within 6 relationships.`),
      ]);
      return;
    }
    const order = graph.nodes.map((n) => n.id);
    const steps = order.slice(1).map((id, i) => {
      const a = order[i];
      const edge = graph.edges[i];
      const forward = edge.from === a;
      return el(
        'li',
        {},
        ref({ id: a, label: labelOf(a) }),
        el('span', { className: 'relation-step' }, forward ? ` —${edge.relation}→ ` : ` ←${edge.relation}— `),
        ref({ id, label: labelOf(id) }),
        el(
          'div',
          { className: 'muted' },
          // Sources read apart ("¶10; KubeCon … ¶11"), then the reference note, if any.
          edge.sources.map((s, k) => [k ? '; ' : '', sourceItem(s)]),
          edge.reference ? [edge.sources.length ? ' — ' : '', edge.reference] : '',
        ),
      );
    });
    fill(panel, [
      el('h2', { id: 'path-title' }, el('bdi', {}, labelOf(from)), ' → ', el('bdi', {}, labelOf(to))),
      el(
        'p',
        { className: 'muted' },
        `${graph.edges.length} ${graph.edges.length === 1 ? 'step' : 'steps'}; click a relationship for its sources.`,
      ),
      el('ol', { className: 'list path-steps' }, steps),
    ]);
  }

  // ---- events --------------------------------------------------------------

  cy.on('tap', 'node', (event) => expand(event.target.id()));
  cy.on('tap', 'edge', (event) => showEdge(event.target));

  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('search-input').value;
    busy(async (fresh) => {
      const data = await gql(
        'query($q: String!) { search(query: $q, first: 8) { type label node { id } } }',
        { q },
      );
      if (!fresh()) return;
      results.replaceChildren(
        ...(data.search.length
          ? data.search.map((hit) =>
              el(
                'li',
                {},
                el(
                  'button',
                  {
                    type: 'button',
                    className: 'search-hit',
                    dataset: { id: hit.node.id },
                    onclick: () => {
                      results.hidden = true;
                      openEntity(hit.node.id);
                    },
                  },
                  typeBadge(hit.type),
                  ` ${hit.label}`,
                ),
              ),
            )
          : [el('li', { className: 'muted' }, `Nothing matches "${q}".`)]),
      );
      results.hidden = false;
    }, 'search');
  });

  document.getElementById('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    drawPath(document.getElementById('path-from').value, document.getElementById('path-to').value);
  });

  document
    .getElementById('legend')
    .replaceChildren(
      ...Object.keys(TYPE_COLOURS).map((type) => el('span', { className: 'legend-item' }, typeBadge(type))),
      el('span', { className: 'muted' }, ' Edge width: how many facts support it.'),
    );

  // For people and tests alike: what the canvas holds right now.
  window.recapGraphView = { cy };

  // ---- deep links ----------------------------------------------------------

  const params = new URLSearchParams(window.location.search);
  if (params.get('from') && params.get('to')) {
    document.getElementById('path-from').value = params.get('from');
    document.getElementById('path-to').value = params.get('to');
    drawPath(params.get('from'), params.get('to'));
  } else if (params.get('id')) {
    openEntity(params.get('id'));
  } else if (params.get('ids')) {
    openIds(params.get('ids').split(','));
  } else {
    setStatus('Search for an entity to start.');
  }
})();
