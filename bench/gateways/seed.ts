import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Config, ServiceName } from '../../platform/config';
import { openOrm } from '../../platform/orm';
import { SUBGRAPHS } from '../../subgraphs/modules';
import { CategoryEntity, siblingKey } from '../../subgraphs/catalog/category.entity';
import { ProductEntity, ProductStatus } from '../../subgraphs/catalog/product.entity';
import { StockLevelEntity } from '../../subgraphs/inventory/stock.entity';
import { OrderEntity, OrderLineEntity, OrderStatus, StatusChangeEntity } from '../../subgraphs/orders/order.entity';
import { UserEntity } from '../../subgraphs/users/user.entity';

/**
 * A shop of realistic size written straight through each subgraph's data
 * layer (its MikroORM entities, flushed in batches), before any subgraph
 * process starts: thousands of rows in seconds instead of minutes of API
 * calls. Deterministic, so every run measures the same data.
 */

export interface SeedSizes {
  readonly products: number;
  readonly customers: number;
  readonly orders: number;
}

export interface SeededShop {
  readonly productIds: readonly string[];
  readonly customerIds: readonly string[];
  readonly categoryIds: readonly string[];
}

const BATCH = 1_000;
const CATEGORIES = ['Kitchen', 'Garden', 'Books', 'Toys', 'Lighting', 'Tools', 'Bath', 'Office', 'Sports', 'Music'];
const ORDER_STATUSES = [OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED];
// Not a real hash: nobody signs in during a benchmark (callers carry access tokens signed with JWT_SECRET).
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaA$bm90LWEtcmVhbC1oYXNoLWF0LWFsbC4uLg';

export async function seedShop(config: Config, sizes: SeedSizes): Promise<SeededShop> {
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, '0')}`;
  const productIds = Array.from({ length: sizes.products }, (_, n) => id('bench-p', n));
  const customerIds = Array.from({ length: sizes.customers }, (_, n) => id('bench-u', n));
  const categoryIds = CATEGORIES.map((_, n) => id('bench-c', n));
  const epoch = Date.UTC(2026, 0, 1);

  await withOrm(config, 'catalog', async (em) => {
    CATEGORIES.forEach((name, n) => em.persist(Object.assign(new CategoryEntity(), { id: categoryIds[n], name, parentId: null, siblingKey: siblingKey(null, name) })));
    await em.flush();
    await inBatches(em, productIds, (productId, n) => {
      const product = Object.assign(new ProductEntity(), {
        id: productId,
        sku: `SKU-${n}`,
        name: `${CATEGORIES[n % CATEGORIES.length]} item ${n}`,
        description: `Benchmark product number ${n}, sold in ${CATEGORIES[n % CATEGORIES.length].toLowerCase()}.`,
        priceAmount: 100 + ((n * 7919) % 50_000),
        currency: 'EUR',
        // One in twenty is not on sale, so listings filter for real.
        status: n % 20 === 0 ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE,
        attributeList: [{ key: 'colour', value: ['red', 'green', 'blue'][n % 3] }],
        mediaList: [{ url: `https://img.example/${productId}.jpg`, alt: '', position: 0 }],
        createdAt: new Date(epoch + n * 60_000),
        updatedAt: new Date(epoch + n * 60_000),
      });
      em.persist(product);
      product.categories.add(em.getReference(CategoryEntity, categoryIds[n % categoryIds.length]));
    });
  });
  await withOrm(config, 'inventory', (em) =>
    inBatches(em, productIds, (productId, n) => {
      em.persist(Object.assign(new StockLevelEntity(), { productId, onHand: 50 + (n % 200), reserved: n % 7, lowStockThreshold: 5, version: 1 }));
    }),
  );
  await withOrm(config, 'users', (em) =>
    inBatches(em, customerIds, (userId, n) => {
      em.persist(Object.assign(new UserEntity(), { id: userId, email: `customer${n}@bench.example`, name: `Customer ${n}`, passwordHash: NO_PASSWORD, roles: ['CUSTOMER'] }));
    }),
  );
  const orderNumbers = Array.from({ length: sizes.orders }, (_, n) => n);
  await withOrm(config, 'orders', (em) =>
    inBatches(em, orderNumbers, (n) => {
      const lines = Array.from({ length: 1 + (n % 3) }, (_, k) => {
        const line = new OrderLineEntity();
        line.productId = productIds[(n * 31 + k * 977) % productIds.length];
        line.quantity = 1 + ((n + k) % 3);
        line.unitPriceAmount = 100 + ((n * 13 + k) % 9_000);
        line.currency = 'EUR';
        return line;
      });
      const status = ORDER_STATUSES[n % ORDER_STATUSES.length];
      const at = new Date(epoch + n * 30_000);
      const created = Object.assign(new StatusChangeEntity(), { from: null, to: OrderStatus.PENDING, at, actor: customerIds[n % customerIds.length], reason: null });
      const moved = Object.assign(new StatusChangeEntity(), { from: OrderStatus.PENDING, to: status, at, actor: 'system', reason: null });
      em.persist(Object.assign(new OrderEntity(), {
        id: id('bench-o', n),
        customerId: customerIds[n % customerIds.length],
        status,
        lines,
        totalAmount: lines.reduce((sum, line) => sum + line.unitPriceAmount * line.quantity, 0),
        currency: 'EUR',
        statusHistory: [created, moved],
        version: 2,
        createdAt: at,
        updatedAt: at,
      }));
    }),
  );
  return { productIds, customerIds, categoryIds };
}

async function withOrm(config: Config, service: ServiceName, work: (em: EntityManager) => Promise<void>): Promise<void> {
  const orm: MikroORM = await openOrm({ service, entities: SUBGRAPHS[service].entities, config });
  try {
    await work(orm.em.fork());
  } finally {
    await orm.close();
  }
}

/** Creates through `make` and flushes every BATCH rows, clearing the identity map so memory stays flat. */
async function inBatches<T>(em: EntityManager, items: readonly T[], make: (item: T, index: number) => void): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    items.slice(start, start + BATCH).forEach((item, k) => make(item, start + k));
    await em.flush();
    em.clear();
  }
}
