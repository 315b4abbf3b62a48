/**
 * The demo shop every subgraph seeds its own part of (catalog its products,
 * inventory their stock, users the accounts). Fixed ids tie the parts
 * together without one subgraph reading another's database.
 */

export interface DemoProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly priceAmount: number;
  readonly currency: string;
  /** In stock; for a product with variants, the sum of theirs. */
  readonly onHand: number;
  /** Shipping weight in grams. */
  readonly weightGrams: number;
  /** The ways a product with variants varies (size, colour); absent for one sold as its default variant alone. */
  readonly options?: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }>;
  /** Every variant of a product with options, the first its default one (the product's id and SKU). */
  readonly variants?: readonly DemoVariant[];
}

/** One size or colour of a demo product, with its own SKU, price and stock. */
export interface DemoVariant {
  readonly id: string;
  readonly sku: string;
  readonly optionValues: ReadonlyArray<{ readonly option: string; readonly value: string }>;
  readonly priceAmount: number;
  readonly onHand: number;
}

const hoodie = (id: string, sku: string, size: string, colour: string, priceAmount: number, onHand: number): DemoVariant => ({
  id,
  sku,
  optionValues: [
    { option: 'Size', value: size },
    { option: 'Colour', value: colour },
  ],
  priceAmount,
  onHand,
});

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { id: 'demo-product-0001', sku: 'MUG-CLASSIC', name: 'Classic mug', description: 'A 330 ml stoneware mug.', priceAmount: 1200, currency: 'EUR', onHand: 40, weightGrams: 350 },
  { id: 'demo-product-0002', sku: 'TEE-LOGO-M', name: 'Logo T-shirt (M)', description: 'Organic cotton, medium.', priceAmount: 2500, currency: 'EUR', onHand: 25, weightGrams: 200 },
  { id: 'demo-product-0003', sku: 'CAP-SUMMER', name: 'Summer cap', description: 'Adjustable, one size.', priceAmount: 1800, currency: 'EUR', onHand: 12, weightGrams: 150 },
  { id: 'demo-product-0004', sku: 'BOTTLE-STEEL', name: 'Steel bottle', description: 'Keeps drinks cold for 24 hours.', priceAmount: 2900, currency: 'EUR', onHand: 8, weightGrams: 400 },
  { id: 'demo-product-0005', sku: 'NOTEBOOK-A5', name: 'A5 notebook', description: 'Dotted pages, lay-flat binding.', priceAmount: 900, currency: 'EUR', onHand: 3, weightGrams: 250 },
  { id: 'demo-product-0006', sku: 'POSTER-MAP', name: 'City map poster', description: '50 x 70 cm, matte paper.', priceAmount: 3500, currency: 'EUR', onHand: 0, weightGrams: 600 },
  // The storefront's variant picker out of the box: sizes and colours with their own prices and stock, one sold out, one never made.
  {
    id: 'demo-product-0007',
    sku: 'HOODIE',
    name: 'Hooded sweatshirt',
    description: 'Brushed organic cotton, in three sizes and two colours.',
    priceAmount: 5900,
    currency: 'EUR',
    onHand: 35,
    weightGrams: 550,
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Grey', 'Navy'] },
    ],
    variants: [
      hoodie('demo-product-0007', 'HOODIE', 'S', 'Grey', 5900, 8),
      hoodie('demo-variant-0007-m-grey', 'HOODIE-M-GREY', 'M', 'Grey', 5900, 12),
      hoodie('demo-variant-0007-l-grey', 'HOODIE-L-GREY', 'L', 'Grey', 5900, 0),
      hoodie('demo-variant-0007-m-navy', 'HOODIE-M-NAVY', 'M', 'Navy', 6400, 9),
      hoodie('demo-variant-0007-l-navy', 'HOODIE-L-NAVY', 'L', 'Navy', 6400, 6),
    ],
  },
];

export interface DemoAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly roles: ReadonlyArray<'CUSTOMER' | 'AGENT' | 'ADMIN'>;
}

/** Demo passwords are public by design; they exist only where SEED_DEMO is on. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: 'demo-user-customer', email: 'customer@shop.test', name: 'Casey Customer', password: 'customer-demo-password', roles: ['CUSTOMER'] },
  { id: 'demo-user-agent', email: 'agent@shop.test', name: 'Avery Agent', password: 'agent-demo-password', roles: ['CUSTOMER', 'AGENT'] },
  // Reaches grantRole, users and the audit log from the quick start (after enrolling a second factor: MFA_REQUIRED_ROLES).
  { id: 'demo-user-admin', email: 'admin@shop.test', name: 'Ada Admin', password: 'admin-demo-password', roles: ['CUSTOMER', 'AGENT', 'ADMIN'] },
];

export interface DemoCategory {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** A small category tree for the demo catalogue (seeded by catalog). */
export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { id: 'demo-category-home', name: 'Home', parentId: null },
  { id: 'demo-category-kitchen', name: 'Kitchen', parentId: 'demo-category-home' },
  { id: 'demo-category-apparel', name: 'Apparel', parentId: null },
  { id: 'demo-category-stationery', name: 'Stationery', parentId: null },
];

/** Which demo category each demo product is filed under, by product id. */
export const DEMO_PRODUCT_CATEGORIES: Readonly<Record<string, string>> = {
  'demo-product-0001': 'demo-category-kitchen',
  'demo-product-0002': 'demo-category-apparel',
  'demo-product-0003': 'demo-category-apparel',
  'demo-product-0004': 'demo-category-kitchen',
  'demo-product-0005': 'demo-category-stationery',
  'demo-product-0006': 'demo-category-home',
  'demo-product-0007': 'demo-category-apparel',
};
