/* global window, document, fetch, URL, URLSearchParams, React, ReactDOM, GraphiQL */
/*
 * The explorer page in the browser: GraphiQL on /graphql, under a bar that
 * loads one of the saved analyst questions into the editor. Plain script on
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
  editions {
    id
    name
    year
  }
}
`;

  const fetcher = GraphiQL.createFetcher({ url: GRAPHQL_URL });

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
