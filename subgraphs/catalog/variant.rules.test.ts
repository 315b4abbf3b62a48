import { badInputOf, refusalOf } from '../../test/support/refusals';
import {
  checkNewCombination,
  checkOptions,
  combinationKey,
  DEFAULT_TITLE,
  defaultValues,
  matchOptionValues,
  OPTION_LIMITS,
  refit,
  variantTitle,
} from './variant.rules';

const SIZE_COLOUR = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Red', 'Blue'] },
];

describe('checkOptions', () => {
  it('trims names and values and keeps their order', () => {
    expect(checkOptions([{ name: ' Size ', values: [' S', 'M '] }])).toEqual([{ name: 'Size', values: ['S', 'M'] }]);
  });

  it.each([
    ['an option named twice (ignoring case)', [{ name: 'Size', values: ['S'] }, { name: 'size', values: ['M'] }], 'options.1.name', /more than once/],
    ['an empty option name', [{ name: '  ', values: ['S'] }], 'options.0.name', /1 to 64 characters/],
    ['an option without values', [{ name: 'Size', values: [] }], 'options.0.values', /needs 1 to 50 values/],
    ['a value given twice (ignoring case)', [{ name: 'Size', values: ['S', 's'] }], 'options.0.values.1', /more than once/],
    ['an empty value', [{ name: 'Size', values: ['S', ' '] }], 'options.0.values.1', /1 to 64 characters/],
  ])('refuses %s', (_case, input, field, message) => {
    const refused = badInputOf(() => checkOptions(input));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });

  it(`refuses more than ${OPTION_LIMITS.options} options`, () => {
    const input = Array.from({ length: OPTION_LIMITS.options + 1 }, (_, i) => ({ name: `o${i}`, values: ['x'] }));
    expect(badInputOf(() => checkOptions(input)).field).toBe('options');
  });
});

describe('matchOptionValues', () => {
  it("answers one value of every option, in the options' order and spelling", () => {
    expect(matchOptionValues(SIZE_COLOUR, [{ option: 'colour', value: 'blue' }, { option: 'SIZE', value: ' m ' }])).toEqual([
      { option: 'Size', value: 'M' },
      { option: 'Colour', value: 'Blue' },
    ]);
  });

  it.each([
    ['a value that is not one of the option\'s', [{ option: 'Size', value: 'XL' }, { option: 'Colour', value: 'Red' }], 'optionValues.0.value', /"XL" is not a value of option "Size"/],
    ['an option the product does not have', [{ option: 'Size', value: 'S' }, { option: 'Colour', value: 'Red' }, { option: 'Fit', value: 'Slim' }], 'optionValues.2.option', /no option "Fit"/],
    ['a missing option', [{ option: 'Size', value: 'S' }], 'optionValues', /a value of option "Colour" is required/],
    ['an option given twice', [{ option: 'Size', value: 'S' }, { option: 'size', value: 'M' }], 'optionValues.1.option', /more than once/],
  ])('refuses %s with reason OPTION_VALUES_MISMATCH', (_case, values, field, message) => {
    const refused = refusalOf(() => matchOptionValues(SIZE_COLOUR, values));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPTION_VALUES_MISMATCH', field });
    expect(refused.message).toMatch(message);
  });

  it('refuses any values for a product without options', () => {
    const refused = refusalOf(() => matchOptionValues([], [{ option: 'Size', value: 'S' }]));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPTION_VALUES_MISMATCH' });
    expect(refused.message).toMatch(/define its options first/);
  });
});

describe('defaultValues and refit', () => {
  it("gives the default variant the first value of each option unless told otherwise", () => {
    expect(defaultValues(SIZE_COLOUR, null)).toEqual([{ option: 'Size', value: 'S' }, { option: 'Colour', value: 'Red' }]);
    expect(defaultValues(SIZE_COLOUR, [{ option: 'Size', value: 'L' }, { option: 'Colour', value: 'Blue' }])).toEqual([
      { option: 'Size', value: 'L' },
      { option: 'Colour', value: 'Blue' },
    ]);
  });

  it('keeps values that still fit new options and answers null for those that do not', () => {
    const values = [{ option: 'Size', value: 'M' }, { option: 'Colour', value: 'Red' }];
    expect(refit([{ name: 'Size', values: ['XS', 'S', 'M'] }, { name: 'Colour', values: ['Red'] }], values)).toEqual(values);
    expect(refit([{ name: 'Size', values: ['S', 'L'] }, { name: 'Colour', values: ['Red'] }], values)).toBeNull();
    expect(refit([...SIZE_COLOUR, { name: 'Fit', values: ['Slim'] }], values)).toBeNull();
  });
});

describe('checkNewCombination', () => {
  const m = [{ option: 'Size', value: 'M' }];

  it('refuses the option values of another live variant with reason VARIANT_COMBINATION_EXISTS, ignoring case', () => {
    const refused = refusalOf(() => checkNewCombination(m, [{ id: 'v1', optionValues: [{ option: 'size', value: 'm' }] }]));
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VARIANT_COMBINATION_EXISTS', variantId: 'v1', field: 'optionValues' });
  });

  it('accepts a combination no other variant has', () => {
    expect(() => checkNewCombination(m, [{ id: 'v1', optionValues: [{ option: 'Size', value: 'L' }] }])).not.toThrow();
    expect(combinationKey(m)).not.toBe(combinationKey([{ option: 'Size', value: 'L' }]));
  });
});

describe('variantTitle', () => {
  it('joins the option values, or names the default variant of a product without options', () => {
    expect(variantTitle([{ option: 'Size', value: 'M' }, { option: 'Colour', value: 'Blue' }])).toBe('M / Blue');
    expect(variantTitle([])).toBe(DEFAULT_TITLE);
  });

  it('takes a given title, trimmed, and refuses an empty one', () => {
    expect(variantTitle([], '  Medium blue ')).toBe('Medium blue');
    expect(badInputOf(() => variantTitle([], '   ')).field).toBe('title');
  });
});
