/**
 * The saved queries the explorer offers: each answers a question an analyst
 * actually asks of the recaps, so a newcomer learns the schema by running
 * them. Served as /explorer/examples.json; tests/explorer checks every one
 * against the schema.
 */

export interface Example {
  /** Stable slug, used in the page's `?example=` link. */
  id: string;
  /** What the explorer's list shows. */
  name: string;
  /** The analyst question the query answers. */
  question: string;
  query: string;
  variables: Record<string, unknown>;
}

// Arguments are written inline rather than as variables: an analyst edits
// the id in place, and the query stays valid whatever scalar type an argument
// ends up declared with.
export const EXAMPLES: readonly Example[] = [
  {
    id: 'path-spotify-envoy',
    name: 'Who links Spotify to Envoy?',
    question:
      'What is the shortest chain of people, talks and announcements between Spotify and Envoy, and which recap backs each step?',
    query: `query WhoLinksSpotifyToEnvoy {
  path(from: "company:spotify", to: "project:envoy") {
    length
    steps {
      from { id type label }
      relation
      to { id type label }
      sources { locator article { title } }
    }
  }
}
`,
    variables: {},
  },
  {
    id: 'neighborhood-spotify',
    name: 'What surrounds Spotify?',
    question:
      'Which talks, people, projects and articles are directly linked to Spotify, the best supported first, and where does each link come from?',
    query: `query WhatSurroundsSpotify {
  neighborhood(id: "company:spotify", depth: 1, first: 50) {
    truncated
    nodes { id type label }
    edges {
      from
      relation
      to
      weight
      sources { locator article { title } }
    }
  }
}
`,
    variables: {},
  },
  {
    id: 'companies-falco',
    name: 'Which companies talk about Falco?',
    question: 'Which companies present talks on Falco, how often, and with which talks?',
    query: `query CompaniesTalkingAboutFalco {
  companyProjectLinks(projectId: "project:falco") {
    company { id name }
    weight
    talks { id title }
  }
}
`,
    variables: {},
  },
  {
    id: 'talks-kubecon-eu-2020',
    name: 'Talks of KubeCon EU 2020 with speakers and their companies',
    question: 'What was presented at KubeCon EU 2020, by whom, for which company, and about which projects?',
    query: `query TalksOfKubeConEu2020 {
  talks(filter: { editionId: "edition:kubecon-eu-2020" }, first: 50) {
    totalCount
    edges {
      node {
        id
        title
        kind
        participants {
          person { id name }
          role
          company { id name }
          jobTitle
        }
        projects { id name }
      }
    }
  }
}
`,
    variables: {},
  },
  {
    id: 'matrix-kubecon-eu-2019',
    name: 'Company–project matrix for KubeCon EU 2019',
    question: 'At KubeCon EU 2019, which companies worked on which projects, and how strongly?',
    query: `query CompanyProjectMatrixKubeConEu2019 {
  companyProjectLinks(editionId: "edition:kubecon-eu-2019") {
    company { id name }
    project { id name }
    weight
  }
}
`,
    variables: {},
  },
  {
    id: 'timeline-envoy',
    name: 'Timeline of Envoy',
    question: 'How did Envoy evolve edition after edition: CNCF maturity, talks and announcements?',
    query: `query TimelineOfEnvoy {
  projectTimeline(projectId: "project:envoy") {
    edition { id name year }
    maturity
    talks { id title }
    announcements { id kind description }
  }
}
`,
    variables: {},
  },
  {
    id: 'search-nova',
    name: 'Search: nova',
    question: 'What in the graph (people, companies, projects, talks…) matches “nova”, best match first?',
    query: `query SearchNova {
  search(query: "nova") {
    type
    label
    score
    node { id }
  }
}
`,
    variables: {},
  },
  {
    id: 'edition-stats',
    name: 'Counts per edition',
    question: 'How big was each edition in talks, speakers, companies, projects and announcements?',
    query: `query CountsPerEdition {
  editionStats {
    edition { id name }
    talks
    speakers
    companies
    projects
    announcements
  }
}
`,
    variables: {},
  },
];
