/* global window, document, fetch */
/*
 * Shared by the graph view and the matrix: a small GraphQL client on this
 * service's /graphql, a DOM builder (text only, never HTML strings, so no
 * label from the data can inject markup), and the colour of each entity type.
 */
(function () {
  'use strict';

  /** Runs a query; rejects with the API's messages when it answers with errors. */
  async function gql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: variables || {} }),
    });
    const body = await response.json();
    if (body.errors && body.errors.length) {
      const error = new Error(body.errors.map((e) => e.message).join('; '));
      error.code = body.errors[0].extensions && body.errors[0].extensions.code;
      throw error;
    }
    return body.data;
  }

  /** `el('a', { href, onclick }, 'text', child…)`: attributes starting with `on` become listeners. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    return fill(node, children, false);
  }

  /** Puts `children` (nested lists allowed; null, undefined, false and '' skipped) into `node`, replacing what it held when `replace`. */
  function fill(node, children, replace = true) {
    if (replace) node.replaceChildren();
    for (const child of [children].flat(Infinity)) {
      if (child === null || child === undefined || child === false || child === '') continue;
      node.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // One colour per EntityType, shared by the canvas, the legend and the panels.
  const TYPE_COLOURS = {
    COMPANY: '#2563eb',
    PROJECT: '#16a34a',
    TALK: '#d97706',
    PERSON: '#db2777',
    EDITION: '#7c3aed',
    ARTICLE: '#475569',
    ANNOUNCEMENT: '#dc2626',
    FIGURE: '#0891b2',
  };

  const TYPE_NAMES = {
    COMPANY: 'company',
    PROJECT: 'project',
    TALK: 'talk',
    PERSON: 'person',
    EDITION: 'edition',
    ARTICLE: 'article',
    ANNOUNCEMENT: 'announcement',
    FIGURE: 'figure',
  };

  window.RecapGraphApi = { gql, el, fill, TYPE_COLOURS, TYPE_NAMES };
})();
