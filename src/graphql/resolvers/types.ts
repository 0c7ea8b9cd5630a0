/** The resolver signature every file here uses: parent, arguments, request context. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { StoredNode } from '../../store/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Args = Record<string, any>;
export type Resolver<P = StoredNode> = (
  parent: P,
  args: Args,
  ctx: Context,
  info?: GraphQLResolveInfo,
) => unknown;
export type TypeResolvers<P = StoredNode> = Record<string, Resolver<P>>;
