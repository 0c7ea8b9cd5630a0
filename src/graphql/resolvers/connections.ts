/**
 * The connections' `totalCount`: a page counts its rows only when the field is
 * asked for, so a connection carries it as a function. graphql-js's default
 * resolver would call it; graphql-jit (graphql/executor.ts) reads a property
 * as it is, so each connection names its resolver here.
 */
import type { Connection } from '../pagination';

const totalCount = { totalCount: (connection: Connection<unknown>) => connection.totalCount() };

export const TalkConnection = totalCount;
export const PersonConnection = totalCount;
export const CompanyConnection = totalCount;
export const ProjectConnection = totalCount;
export const CompanyProjectLinkConnection = totalCount;
