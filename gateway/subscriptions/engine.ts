import { createHash } from 'node:crypto';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { Clock } from '../../platform/clock';
import type { ClientErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/log';
import type { ChangeNotice, PubSub, Unsubscribe } from '../../platform/messaging/pubsub';
import type { GatewayContext } from '../context';
import { LIVE_FIELDS, planFetch, stripFacts, stripVersion, type FetchPlan, type LiveField } from './live-fields';
import { PushQueue } from './queue';
import { fetchScope } from './sharing';

/**
 * Federated subscriptions, independent of the transport (graphql-ws wires it
 * to sockets in ./ws.ts). A subscription follows one or more entities; each
 * change notice on an entity's channel triggers a federated query for the
 * subscriber's selection, run with the subscriber's own auth.
 *
 * Sharing: subscribers with the same fetch (document, variables, entity) and
 * the same scope form one topic and share one fetch per event. The scope is
 * the roles alone for a fetch of catalog and stock data only, run as a
 * stand-in principal with no user (./sharing.ts), and the user otherwise, so
 * a result shaped by one user's rights never reaches another.
 *
 * Ordering: fetches of a topic run one at a time (a notice arriving during a
 * fetch schedules one more), every result carries the entity's version, and a
 * subscriber only ever receives increasing versions.
 */

/** A query result as the gateway formats it for clients. */
export interface FederatedResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

export type FederatedExecutor = (document: DocumentNode, variables: Record<string, unknown>, context: GatewayContext) => Promise<FederatedResult>;

/** A formatted error (from a federated result) as graphql-ws sends it, which needs a GraphQLError. */
export const toGraphQLError = (e: GraphQLFormattedError): GraphQLError => new GraphQLError(e.message, { path: e.path, extensions: e.extensions });

export interface EngineOptions {
  readonly schema: GraphQLSchema;
  readonly execute: FederatedExecutor;
  readonly pubsub: PubSub;
  readonly clock: Clock;
  readonly log: Logger;
  /**
   * Federated fetches in flight at once; more wait their turn. Without a bound, one
   * change watched through many distinct documents would fire them all together and
   * push the subgraphs past their timeouts.
   */
  readonly maxConcurrentFetches: number;
  /** Entities one subscription may follow: each is a fetch now and on every change. */
  readonly maxIdsPerSubscription: number;
}

export interface EngineStats {
  /** Change notices received on a channel some subscription follows. */
  notices: number;
  /** Federated fetches run (initial states and events). */
  fetches: number;
  /** Results pushed to subscribers (initial states and changes). */
  delivered: number;
  topics: number;
  subscribers: number;
}

const TERMINAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

class Subscriber {
  readonly queue: PushQueue<ExecutionResult>;
  readonly topics: Topic[] = [];
  /** A feed subscription's own channel listener, ended when the subscriber leaves. */
  feed: Promise<Unsubscribe> | null = null;
  private readonly delivered = new Map<string, number>();
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly context: GatewayContext,
    private readonly clock: Clock,
    onClose: (subscriber: Subscriber) => void,
  ) {
    this.queue = new PushQueue(() => {
      clearTimeout(this.expiryTimer);
      onClose(this);
    });
    if (context.expiresAt !== null) {
      const ms = Math.max(0, context.expiresAt - clock.now().getTime());
      // setTimeout takes at most ~24.8 days; access tokens live minutes.
      this.expiryTimer = setTimeout(() => this.expire(), Math.min(ms, 2 ** 31 - 1));
      this.expiryTimer.unref();
    }
  }

  get expired(): boolean {
    return this.context.expiresAt !== null && this.clock.now().getTime() >= this.context.expiresAt;
  }

  /** False when nothing was pushed (ended, expired, or not newer than what it has). */
  deliver(entityId: string, version: number, result: ExecutionResult): boolean {
    if (this.queue.closed) return false;
    if (this.expired) {
      this.expire();
      return false;
    }
    if (version <= (this.delivered.get(entityId) ?? -1)) return false;
    this.delivered.set(entityId, version);
    this.queue.push(result);
    return true;
  }

  fail(errors: readonly GraphQLError[]): void {
    if (this.queue.closed) return;
    this.queue.push({ errors });
    this.queue.end();
  }

  expire(): void {
    this.fail([new GraphQLError('Access token expired; subscribe again with a fresh token', { extensions: { code: 'UNAUTHENTICATED' } })]);
  }
}

class Topic {
  readonly subscribers = new Set<Subscriber>();
  private latest: { version: number; result: ExecutionResult } | null = null;
  private newestNotice = -1;
  private inFlight: Promise<void> | null = null;
  private dirty = false;

  constructor(
    readonly key: string,
    readonly channel: string,
    readonly entityId: string,
    private readonly plan: FetchPlan,
    /** What every member's fetch would depend on: the shared stand-in, or the one user's context. */
    private readonly context: GatewayContext,
    private readonly engine: SubscriptionEngine,
  ) {}

  /** A new member gets the latest state at once if the topic has one, else the first fetch. */
  join(subscriber: Subscriber): Promise<void> {
    if (subscriber.queue.closed) return Promise.resolve();
    this.subscribers.add(subscriber);
    if (this.latest) {
      if (subscriber.deliver(this.entityId, this.latest.version, this.latest.result)) this.engine.stats.delivered++;
      return Promise.resolve();
    }
    return this.refresh();
  }

  onNotice(notice: ChangeNotice): void {
    if (notice.version <= this.newestNotice || (this.latest && notice.version <= this.latest.version)) return;
    this.newestNotice = notice.version;
    void this.refresh();
  }

  refresh(): Promise<void> {
    if (this.inFlight) {
      this.dirty = true;
      return this.inFlight;
    }
    this.inFlight = this.fetch().finally(() => {
      this.inFlight = null;
      if (this.dirty && this.subscribers.size > 0) {
        this.dirty = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    // Checked again when a fetch slot frees up: a topic everyone left by then is not fetched.
    const result = await this.engine.fetch(this.plan, this.entityId, this.context, () => this.subscribers.size > 0);
    if (!result) return;
    const { live, responseKey } = this.plan;
    const entity = live.unwrap(result.data?.[responseKey]);
    if (!entity) {
      const errors = result.errors?.length
        ? result.errors.map(toGraphQLError)
        : [new GraphQLError(`${live.entityName} ${this.entityId} was not found`, { extensions: { code: 'NOT_FOUND', id: this.entityId } })];
      if (errors.some((e) => TERMINAL_CODES.has(String(e.extensions.code)))) {
        for (const subscriber of this.subscribers) subscriber.fail(errors);
      } else {
        // Transient (a subgraph down): report, keep the subscription; the next event retries.
        for (const subscriber of this.subscribers) if (!subscriber.queue.closed) subscriber.queue.push({ data: null, errors });
      }
      return;
    }
    const { version, payload } = stripVersion(entity);
    const delivered: ExecutionResult = { data: { [responseKey]: payload }, ...(result.errors?.length ? { errors: result.errors.map(toGraphQLError) } : {}) };
    if (!this.latest || version >= this.latest.version) this.latest = { version, result: delivered };
    for (const subscriber of this.subscribers) if (subscriber.deliver(this.entityId, version, delivered)) this.engine.stats.delivered++;
  }
}

export class SubscriptionEngine {
  readonly stats: EngineStats = { notices: 0, fetches: 0, delivered: 0, topics: 0, subscribers: 0 };
  private readonly topics = new Map<string, Topic>();
  private readonly channels = new Map<string, { topics: Set<Topic>; unsubscribe: Promise<Unsubscribe> }>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly stopReconnect: () => void;
  private readonly fetchSlots: Semaphore;
  private closed = false;

  constructor(private readonly options: EngineOptions) {
    this.fetchSlots = new Semaphore(options.maxConcurrentFetches);
    // Notices may have been missed while the transport was down: re-read every topic.
    this.stopReconnect = options.pubsub.onReconnect(() => {
      for (const topic of this.topics.values()) void topic.refresh();
    });
  }

  /** graphql-ws `subscribe`: an operation already parsed and validated against the API schema. */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const refuse = (message: string, code: ClientErrorCode): ExecutionResult => ({ errors: [new GraphQLError(message, { extensions: { code } })] });
    if (this.closed) return refuse('The gateway is shutting down', 'SERVICE_UNAVAILABLE');
    const operation = getOperationAST(args.document, args.operationName);
    const rootField = operation?.selectionSet.selections[0];
    if (!operation || operation.operation !== 'subscription' || rootField?.kind !== Kind.FIELD) {
      return refuse('Expected a subscription with one root field', 'BAD_USER_INPUT');
    }
    const live = LIVE_FIELDS.get(rootField.name.value);
    const definition = this.options.schema.getSubscriptionType()?.getFields()[rootField.name.value];
    if (!live || !definition) return refuse(`Subscription field ${rootField.name.value} is not served`, 'BAD_USER_INPUT');

    const context = args.contextValue as GatewayContext;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const argumentValues = getArgumentValues(definition, rootField as FieldNode, variables);
    if (live.feed) return this.subscribeFeed(live, planFetch(args.document, operation, rootField, live, variables), argumentValues, context);
    const entityIds = live.entityIds(argumentValues);
    const max = this.options.maxIdsPerSubscription;
    if (entityIds.length > max) {
      return { errors: [new GraphQLError(`A subscription follows at most ${max} ids; subscribe several times for more`, { extensions: { code: 'BAD_USER_INPUT', max } })] };
    }
    const plan = planFetch(args.document, operation, rootField, live, variables);
    const subscriber = this.admit(context);
    if (subscriber.expired) return subscriber.queue;

    const scope = fetchScope(this.options.schema, plan.document, context);
    const documentKey = print(plan.document);
    for (const entityId of entityIds) {
      const key = createHash('sha256').update(JSON.stringify([documentKey, plan.variables, entityId, scope.key])).digest('base64url');
      let topic = this.topics.get(key);
      if (!topic) {
        topic = new Topic(key, live.channel(entityId), entityId, plan, scope.context, this);
        this.topics.set(key, topic);
        this.stats.topics = this.topics.size;
        // Listen before the first fetch, so no change between the two is lost.
        await this.attach(topic);
      }
      subscriber.topics.push(topic);
      // Not awaited: the transport gets the stream now, so a client that completes or leaves
      // ends the subscription at once, and the fetches still waiting for a slot are dropped.
      void topic.join(subscriber);
    }
    // Ended while joining (e.g. one product unknown): let go of every topic joined after it ended.
    if (subscriber.queue.closed) this.leave(subscriber);
    return subscriber.queue;
  }

  /** A new subscriber, counted; one whose token has expired already is ended at once (UNAUTHENTICATED) and not counted. */
  private admit(context: GatewayContext): Subscriber {
    const subscriber = new Subscriber(context, this.options.clock, (s) => this.leave(s));
    if (subscriber.expired) {
      subscriber.expire();
      return subscriber;
    }
    this.subscribers.add(subscriber);
    this.stats.subscribers = this.subscribers.size;
    return subscriber;
  }

  /**
   * A feed (ordersChanged): every entity announced on the feed's channel is
   * fetched with the subscriber's own auth and delivered when it matches the
   * arguments; newer versions only, per entity. Not shared between
   * subscribers: each one's filter and rights decide what it sees.
   */
  private async subscribeFeed(live: LiveField, plan: FetchPlan, argumentValues: Record<string, unknown>, context: GatewayContext): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const feed = live.feed as NonNullable<LiveField['feed']>;
    // Roles held back until a second factor is proved (MFA_REQUIRED_ROLES) do not count.
    const withheld: readonly string[] = context.caller?.withheldRoles ?? [];
    const roles = (context.caller?.roles ?? []).filter((role) => !withheld.includes(role));
    if (!context.caller) return { errors: [new GraphQLError('Log in to follow orders', { extensions: { code: 'UNAUTHENTICATED' } })] };
    if (!feed.roles.some((role) => (roles as readonly string[]).includes(role))) {
      return { errors: [new GraphQLError(`${live.name} requires role ${feed.roles.join(' or ')}`, { extensions: { code: 'FORBIDDEN' } })] };
    }
    const subscriber = this.admit(context);
    if (subscriber.expired) return subscriber.queue;
    const onNotice = async (notice: ChangeNotice): Promise<void> => {
      const result = await this.fetch(plan, notice.id, context, () => !subscriber.queue.closed);
      const entity = result && live.unwrap(result.data?.[plan.responseKey]);
      // Not visible (still being placed) or not readable now (a subgraph down): the next change re-reads it.
      if (!entity) return;
      const { version, payload } = stripVersion(entity);
      const { facts, payload: delivered } = stripFacts(payload);
      if (!feed.matches(facts, argumentValues)) return;
      subscriber.deliver(notice.id, version, { data: { [plan.responseKey]: delivered } });
    };
    subscriber.feed = this.options.pubsub.subscribe(feed.channel, (notice) => void onNotice(notice));
    await subscriber.feed;
    return subscriber.queue;
  }

  /**
   * One federated fetch for one entity (also used by every topic), once a
   * fetch slot is free; null without fetching when by then it is no longer
   * `wanted` (everyone waiting for it left).
   */
  async fetch(plan: FetchPlan, entityId: string, context: GatewayContext, wanted: () => boolean): Promise<FederatedResult | null> {
    await this.fetchSlots.acquire();
    try {
      if (!wanted()) return null;
      this.stats.fetches++;
      return await this.options.execute(plan.document, { ...plan.variables, [plan.entityIdVariable]: entityId }, context);
    } catch (error) {
      this.options.log.warn('subscription fetch failed', { error: String(error) });
      return { errors: [{ message: 'Could not read the current state', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    } finally {
      this.fetchSlots.release();
    }
  }

  /** Ends every subscription's stream and stops listening (the transport decides what clients see). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopReconnect();
    // Ending a queue makes its subscriber leave, which also ends a feed's listener.
    for (const subscriber of [...this.subscribers]) subscriber.queue.end();
    await Promise.all([...this.channels.values()].map(async (c) => (await c.unsubscribe)()));
    this.channels.clear();
  }

  private async attach(topic: Topic): Promise<void> {
    let channel = this.channels.get(topic.channel);
    if (!channel) {
      const topics = new Set<Topic>();
      const unsubscribe = this.options.pubsub.subscribe(topic.channel, (notice) => {
        this.stats.notices++;
        for (const t of topics) t.onNotice(notice);
      });
      channel = { topics, unsubscribe };
      this.channels.set(topic.channel, channel);
    }
    channel.topics.add(topic);
    await channel.unsubscribe;
  }

  private leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    this.stats.subscribers = this.subscribers.size;
    void subscriber.feed?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
    for (const topic of subscriber.topics) {
      topic.subscribers.delete(subscriber);
      if (topic.subscribers.size > 0) continue;
      // Left twice (ended while joining): the key may belong to a newer topic by now.
      if (this.topics.get(topic.key) === topic) this.topics.delete(topic.key);
      const channel = this.channels.get(topic.channel);
      channel?.topics.delete(topic);
      if (channel && channel.topics.size === 0) {
        this.channels.delete(topic.channel);
        void channel.unsubscribe.then((unsubscribe) => unsubscribe()).catch(() => undefined);
      }
    }
    this.stats.topics = this.topics.size;
  }
}

/** A counting semaphore: at most `slots` holders at once, the rest queue in order. */
class Semaphore {
  private readonly waiting: Array<() => void> = [];

  constructor(private slots: number) {}

  acquire(): Promise<void> {
    if (this.slots > 0) {
      this.slots--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.slots++;
  }
}
