import { GraphQLError } from 'graphql';

/**
 * Subscription fields are declared by the subgraph that owns the entity (so
 * they are composed into the supergraph and reach codegen), but executed by
 * the gateway's subscription engine over graphql-ws: it listens for change
 * notices and resolves each event through the federated graph. A subgraph
 * asked to run one directly refuses.
 */
export function servedByGateway(): never {
  throw new GraphQLError('Subscriptions are served by the gateway over graphql-ws (subprotocol graphql-transport-ws)', {
    extensions: { code: 'BAD_REQUEST' },
  });
}
