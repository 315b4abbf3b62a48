import { badInputOf, violationsFrom } from '../../test/support/refusals';
import { ProductStatus } from './product.entity';
import {
  checkAllFields,
  checkCreatable,
  checkFields,
  checkFilter,
  checkRepeatedSkus,
  checkSku,
  checkUpsertSize,
  LIMITS,
  MAX_UPSERT_ITEMS,
  normalizeSku,
  skuKeyOf,
  type ProductFieldsInput,
} from './product.rules';

/** The field and message `input` is refused with, or null when it is accepted. */
function errorOf(input: ProductFieldsInput): { field: string; message: string } | null {
  const checked = checkFields(input);
  return 'error' in checked ? { field: checked.error.field, message: checked.error.message } : null;
}

function fieldsOf(input: ProductFieldsInput) {
  const checked = checkFields(input);
  if ('error' in checked) throw new Error(`refused: ${checked.error.message}`);
  return checked.fields;
}

describe('checkSku', () => {
  it.each(['MUG-CLASSIC', 'A1', '9-LIVES', 'acme-123', 'AB_12.3', `A${'B'.repeat(63)}`])('accepts %s', (sku) => {
    expect(checkSku(sku)).toBeNull();
  });

  it.each(['A', '-MUG', '.MUG', 'MUG CLASSIC', 'MUG/1', 'MÜG', `A${'B'.repeat(64)}`])('refuses %s, naming the rule', (sku) => {
    expect(checkSku(sku)).toEqual({ code: 'BAD_USER_INPUT', field: 'sku', message: expect.stringContaining(`sku "${sku}" is not valid: use letters, digits`) });
  });

  it('trims SKUs and compares them ignoring case', () => {
    expect(normalizeSku('  acme-123 ')).toBe('acme-123');
    expect(skuKeyOf(' ACME-123')).toBe(skuKeyOf('acme-123'));
    expect(checkRepeatedSkus(['acme-1', 'ACME-1', 'b-2']).map((error) => error?.field ?? null)).toEqual(['sku', 'sku', null]);
  });
});

describe('checkAllFields', () => {
  it('reports every violation of an item, not only the first', () => {
    const { errors } = checkAllFields({ name: ' ', priceAmount: -5, currency: 'XX', media: [{ url: 'ftp://x', alt: '' }, { url: 'https://ok.test/a.png', alt: 'a'.repeat(LIMITS.mediaAlt + 1) }] });
    expect(errors.map((error) => error.field)).toEqual(['name', 'priceAmount', 'currency', 'media.0.url', 'media.1.alt']);
  });

  it('takes currency codes in any case and stores them upper-case', () => {
    expect(checkAllFields({ currency: ' eur ' })).toEqual({ fields: { currency: 'EUR' }, errors: [] });
  });

  it('names what a new product lacks, without repeating a field already refused', () => {
    const checked = checkAllFields({ priceAmount: -1 });
    expect(checkCreatable(checked.fields, checked.errors).map((error) => error.field)).toEqual(['name', 'currency']);
  });
});

describe('checkFields', () => {
  it('leaves out what is omitted, so an update keeps it', () => {
    expect(fieldsOf({})).toEqual({});
  });

  it('normalises what it accepts: names trimmed, blank descriptions null, categories unique and sorted', () => {
    expect(fieldsOf({ name: '  Mug ', description: '   ', priceAmount: 0, currency: 'EUR', status: ProductStatus.DRAFT, categoryIds: ['b', 'a', 'b'] })).toEqual({
      name: 'Mug',
      description: null,
      priceAmount: 0,
      currency: 'EUR',
      status: ProductStatus.DRAFT,
      categoryIds: ['a', 'b'],
    });
    expect(fieldsOf({ description: null, categoryIds: null, attributes: null, media: null })).toEqual({ description: null, categoryIds: [], attributes: [], media: [] });
  });

  it('keeps shipping measures, and clears them with null', () => {
    expect(fieldsOf({ weightGrams: 350, lengthMm: 100, widthMm: 80, heightMm: null })).toEqual({ weightGrams: 350, lengthMm: 100, widthMm: 80, heightMm: null });
  });

  it.each([
    ['a null name', { name: null }, 'name', 'name cannot be null'],
    ['a blank name', { name: '  ' }, 'name', 'name must not be empty'],
    ['a long name', { name: 'n'.repeat(LIMITS.name + 1) }, 'name', `name must be at most ${LIMITS.name} characters`],
    ['a long description', { description: 'd'.repeat(LIMITS.description + 1) }, 'description', `description must be at most ${LIMITS.description} characters`],
    ['a null price', { priceAmount: null }, 'priceAmount', 'priceAmount cannot be null'],
    ['a negative price', { priceAmount: -1 }, 'priceAmount', 'priceAmount must be a whole number of minor units (cents), 0 or more'],
    ['a fractional price', { priceAmount: 12.5 }, 'priceAmount', 'priceAmount must be a whole number of minor units (cents), 0 or more'],
    ['a null currency', { currency: null }, 'currency', 'currency cannot be null'],
    ['an unknown currency', { currency: 'EURO' }, 'currency', 'currency "EURO" is not an ISO 4217 code, e.g. "EUR"'],
    ['a null status', { status: null }, 'status', 'status cannot be null'],
    ['a negative weight', { weightGrams: -1 }, 'weightGrams', 'weightGrams must be a whole number from 0 to 1000000'],
    ['a fractional length', { lengthMm: 1.5 }, 'lengthMm', 'lengthMm must be a whole number from 1 to 10000'],
    ['a zero height', { heightMm: 0 }, 'heightMm', 'heightMm must be a whole number from 1 to 10000'],
    ['too many categories', { categoryIds: Array.from({ length: LIMITS.categories + 1 }, (_, i) => `c${i}`) }, 'categoryIds', `a product can be in at most ${LIMITS.categories} categories`],
  ])('refuses %s', (_case, input, field, message) => {
    expect(errorOf(input)).toEqual({ field, message });
  });

  describe('attributes', () => {
    it('trims keys and keeps values as given', () => {
      expect(fieldsOf({ attributes: [{ key: ' colour ', value: ' Blue ' }] }).attributes).toEqual([{ key: 'colour', value: ' Blue ' }]);
    });

    it.each([
      ['too many', Array.from({ length: LIMITS.attributes + 1 }, (_, i) => ({ key: `k${i}`, value: 'v' })), 'attributes', `a product has at most ${LIMITS.attributes} attributes`],
      ['a blank key', [{ key: ' ', value: 'v' }], 'attributes.0.key', `attribute keys must be 1 to ${LIMITS.attributeKey} characters`],
      ['a long key', [{ key: 'k'.repeat(LIMITS.attributeKey + 1), value: 'v' }], 'attributes.0.key', `attribute keys must be 1 to ${LIMITS.attributeKey} characters`],
      ['a key twice, in any case', [{ key: 'Colour', value: 'blue' }, { key: 'colour', value: 'red' }], 'attributes.1.key', 'attribute "colour" is given more than once'],
      ['a long value', [{ key: 'k', value: 'v'.repeat(LIMITS.attributeValue + 1) }], 'attributes.0.value', `attribute values must be at most ${LIMITS.attributeValue} characters`],
    ])('refuses %s', (_case, attributes, field, message) => {
      expect(errorOf({ attributes })).toEqual({ field, message });
    });
  });

  describe('media', () => {
    it('orders by position, defaulting to the place in the list and keeping ties in the order given', () => {
      const media = fieldsOf({
        media: [
          { url: 'https://img.test/a.jpg', alt: 'a' },
          { url: 'http://img.test/b.jpg', alt: 'b', position: 0 },
          { url: 'https://img.test/c.jpg', alt: 'c', position: 1 },
        ],
      }).media;
      expect(media?.map((m) => [m.alt, m.position])).toEqual([
        ['a', 0],
        ['b', 0],
        ['c', 1],
      ]);
    });

    const image = { url: 'https://img.test/a.jpg', alt: '' };
    it.each([
      ['too many', Array.from({ length: LIMITS.media + 1 }, () => image), 'media', `a product has at most ${LIMITS.media} media`],
      ['a relative url', [{ ...image, url: '/a.jpg' }], 'media.0.url', `media urls must be absolute http(s) URLs of at most ${LIMITS.mediaUrl} characters`],
      ['a url of another scheme', [{ ...image, url: 'ftp://img.test/a.jpg' }], 'media.0.url', `media urls must be absolute http(s) URLs of at most ${LIMITS.mediaUrl} characters`],
      ['a long url', [{ ...image, url: `https://img.test/${'a'.repeat(LIMITS.mediaUrl)}` }], 'media.0.url', `media urls must be absolute http(s) URLs of at most ${LIMITS.mediaUrl} characters`],
      ['a long alt text', [{ ...image, alt: 'a'.repeat(LIMITS.mediaAlt + 1) }], 'media.0.alt', `alt text must be at most ${LIMITS.mediaAlt} characters`],
      ['a negative position', [{ ...image, position: -1 }], 'media.0.position', 'position must be 0 or more'],
      ['a fractional position', [{ ...image, position: 0.5 }], 'media.0.position', 'position must be 0 or more'],
    ])('refuses %s', (_case, media, field, message) => {
      expect(errorOf({ media })).toEqual({ field, message });
    });
  });
});

describe('checkRepeatedSkus', () => {
  it('flags every item whose SKU the call gives more than once', () => {
    expect(checkRepeatedSkus(['A1', 'B2', 'A1', 'C3'])).toEqual([
      { code: 'BAD_USER_INPUT', field: 'sku', message: 'sku A1 appears 2 times in this call; send each SKU once' },
      null,
      { code: 'BAD_USER_INPUT', field: 'sku', message: 'sku A1 appears 2 times in this call; send each SKU once' },
      null,
    ]);
  });
});

describe('checkUpsertSize', () => {
  it(`takes up to ${MAX_UPSERT_ITEMS} items and refuses more whole`, () => {
    expect(() => checkUpsertSize(MAX_UPSERT_ITEMS)).not.toThrow();
    expect(badInputOf(() => checkUpsertSize(MAX_UPSERT_ITEMS + 1))).toEqual({
      field: 'input',
      message: `upsertProducts takes at most ${MAX_UPSERT_ITEMS} products per call, got ${MAX_UPSERT_ITEMS + 1}: send smaller batches`,
    });
  });
});

describe('checkFilter', () => {
  it('accepts an empty filter and a consistent one', () => {
    expect(() => checkFilter({})).not.toThrow();
    expect(() => checkFilter({ search: 's'.repeat(LIMITS.search), minPrice: 0, maxPrice: 0, currency: 'EUR' })).not.toThrow();
  });

  it('refuses a long search, listing it as the one violation', () => {
    const message = `search must be shorter than or equal to ${LIMITS.search} characters`;
    expect(violationsFrom(() => checkFilter({ search: 's'.repeat(LIMITS.search + 1) }))).toEqual([{ field: 'search', message }]);
    expect(badInputOf(() => checkFilter({ search: 's'.repeat(LIMITS.search + 1) }))).toEqual({ field: 'search', message });
  });

  it.each([
    ['a negative minimum price', { minPrice: -1 }, 'filter.minPrice', 'minPrice must be 0 or more'],
    ['a negative maximum price', { maxPrice: -1 }, 'filter.maxPrice', 'maxPrice must be 0 or more'],
    ['a minimum above the maximum', { minPrice: 2, maxPrice: 1 }, 'filter.minPrice', 'minPrice must not be above maxPrice'],
    ['an unknown currency', { currency: 'eurx' }, 'filter.currency', 'currency "eurx" is not an ISO 4217 code'],
  ])('refuses %s', (_case, filter, field, message) => {
    expect(badInputOf(() => checkFilter(filter))).toEqual({ field, message });
  });
});
