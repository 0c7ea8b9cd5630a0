/* global window, document, fetch, URL, URLSearchParams, React, ReactDOM, GraphiQL */
/*
 * The explorer page in the browser: GraphiQL on /graphql, under a bar that
 * loads one of the saved analyst questions into the editor, links to the
 * graph view and the matrix, and offers to open the last result's entities
 * in the graph view. Plain script on
 * the UMD globals (React, ReactDOM, GraphiQL) so the service needs no bundler.
 */
(function () {
  'use strict';

  const h = React.createElement;
  const GRAPHQL_URL = new URL('/graphql', window.location.href).toString();
  const DEFAULT_QUERY = `# recap-graph: the KubeCon + CloudNativeCon recaps as a graph.
#
# Pick an example question in the bar above, or write your own query.
# Run it with Ctrl+Enter (or the ▶ button); the book icon on the left opens
# the schema docs.

{
  editions(first: 20) {
    id
    name
    year
  }
}
`;

  // Plain JSON answers (the API sends no incremental delivery), so each result can be read for its ids.
  const baseFetcher = GraphiQL.createFetcher({ url: GRAPHQL_URL, enableIncrementalDelivery: false });
  const ID_PATTERN =
    /^(edition|article|talk|person|company|project|announcement|figure):[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_GRAPH_IDS = 50;

  /** Every entity id in a result, in the order met, each once: what the graph view draws. */
  function entityIds(value, found) {
    if (Array.isArray(value)) value.forEach((v) => entityIds(v, found));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && (key === 'id' || key === 'from' || key === 'to') && ID_PATTERN.test(v))
          found.add(v);
        else entityIds(v, found);
      }
    }
    return found;
  }

  // Told of each result's ids, so the bar can offer to open them in the graph view.
  let onResultIds = () => {};
  function fetcher(params, options) {
    const result = baseFetcher(params, options);
    Promise.resolve(result).then(
      (value) => {
        if (
          value &&
          typeof value === 'object' &&
          'data' in value &&
          params.operationName !== 'IntrospectionQuery'
        ) {
          onResultIds([...entityIds(value.data, new Set())]);
        }
      },
      () => {},
    );
    return result;
  }

  function variablesText(variables) {
    return variables && Object.keys(variables).length > 0 ? JSON.stringify(variables, null, 2) : '';
  }

  function App(props) {
    const examples = props.examples;
    const linked = examples.find((e) => e.id === new URLSearchParams(window.location.search).get('example'));
    const [selected, setSelected] = React.useState(linked ? linked.id : '');
    // GraphiQL replaces the editor's text whenever these props change, so they
    // follow every edit (onEdit*) and a chosen example always differs from them.
    const [query, setQuery] = React.useState(linked ? linked.query : undefined);
    const [variables, setVariables] = React.useState(linked ? variablesText(linked.variables) : undefined);
    const example = examples.find((e) => e.id === selected);
    const [resultIds, setResultIds] = React.useState([]);
    onResultIds = setResultIds;
    const graphHref = `/graph?ids=${encodeURIComponent(resultIds.slice(0, MAX_GRAPH_IDS).join(','))}`;

    function choose(id) {
      setSelected(id);
      const chosen = examples.find((e) => e.id === id);
      if (chosen) {
        setQuery(chosen.query);
        setVariables(variablesText(chosen.variables));
      }
      // The address names the example, so it can be shared.
      const search = chosen ? `?example=${encodeURIComponent(chosen.id)}` : '';
      window.history.replaceState(null, '', window.location.pathname + search);
    }

    return h(
      'div',
      { className: 'explorer' },
      h(
        'header',
        { className: 'explorer-bar' },
        h('span', { className: 'explorer-title' }, 'recap-graph explorer'),
        h('label', { htmlFor: 'explorer-example' }, 'Example:'),
        h(
          'select',
          {
            id: 'explorer-example',
            value: selected,
            disabled: examples.length === 0,
            onChange: (event) => choose(event.target.value),
          },
          h(
            'option',
            { value: '' },
            examples.length ? 'Choose an analyst question…' : 'No examples available',
          ),
          examples.map((e) => h('option', { key: e.id, value: e.id, title: e.question }, e.name)),
        ),
        example ? h('span', { className: 'explorer-question' }, example.question) : null,
        h(
          'nav',
          { className: 'explorer-links' },
          resultIds.length
            ? h(
                'a',
                {
                  id: 'explorer-open-graph',
                  href: graphHref,
                  title: resultIds.slice(0, MAX_GRAPH_IDS).join(', '),
                },
                `Open result in graph view (${Math.min(resultIds.length, MAX_GRAPH_IDS)})`,
              )
            : null,
          h('a', { href: '/graph' }, 'Graph view'),
          h('a', { href: '/graph/matrix' }, 'Matrix'),
        ),
      ),
      h(
        'div',
        { className: 'explorer-ide' },
        h(GraphiQL, {
          fetcher,
          defaultQuery: DEFAULT_QUERY,
          query,
          variables,
          onEditQuery: setQuery,
          onEditVariables: setVariables,
        }),
      ),
    );
  }

  function render(examples) {
    ReactDOM.createRoot(document.getElementById('explorer')).render(h(App, { examples }));
  }

  // Without its examples the explorer is still useful: show it anyway.
  fetch('/explorer/examples.json')
    .then((response) => {
      if (!response.ok) throw new Error(`examples.json: HTTP ${response.status}`);
      return response.json();
    })
    .then(render, (error) => {
      window.console.error('[explorer] no example queries:', error);
      render([]);
    });
})();
