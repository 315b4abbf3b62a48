import { useState } from 'react';
import { useSubscription } from '../shared/live';
import { catalog, live, STOCK_CHANGED, type StockLevel } from './api';

/**
 * Live stock for the products (or variants) on screen: one stockLevelChanged
 * subscription for all of them; each level replaces the one shown when it is newer.
 */
export function useLiveStock(initial: readonly StockLevel[]): (productId: string) => StockLevel | undefined {
  const [levels, setLevels] = useState<Readonly<Record<string, StockLevel>>>({});
  const ids = initial.map((level) => level.productId).sort();
  const keep = (level: StockLevel) =>
    setLevels((all) => ((all[level.productId]?.version ?? -1) > level.version ? all : { ...all, [level.productId]: level }));
  useSubscription(live, STOCK_CHANGED, ids.length ? { productIds: ids } : null, ({ stockLevelChanged: level }) => {
    // A default variant's id is its product's, so its notices carry the product's sum: read the variant's own levels instead.
    const watched = initial.find((known) => known.productId === level.productId);
    if (level.variantId === null && watched?.variantId) void catalog.variantStock(level.productId).then((own) => own && keep(own), () => undefined);
    else keep(level);
  });
  return (productId) => {
    const fetched = initial.find((level) => level.productId === productId);
    const pushed = levels[productId];
    return pushed && (!fetched || pushed.version >= fetched.version) ? pushed : fetched;
  };
}

export function StockText({ level }: { level: StockLevel | undefined }) {
  if (!level) return <span className="stock muted">…</span>;
  return (
    <span className="stock" data-testid="stock">
      {level.available > 0 ? `${level.available} in stock` : 'Sold out'}
    </span>
  );
}
