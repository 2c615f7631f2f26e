/**
 * fast-check generators of quantity strings in every notation, for users' own properties.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

/**
 * The suffixes a quantity may carry (decimal SI, binary).
 *
 * @since 0.1.0
 * @category constants
 */
export const QUANTITY_SUFFIXES = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const

/**
 * Valid quantity strings: optional sign, digits with an optional fraction, and a decimal,
 * binary or exponent suffix (`"-0.25Gi"`, `"1500m"`, `"12e-3"`, `"+7"`).
 *
 * @example
 * import * as fc from "fast-check"
 * import { quantityString } from "catcluster/domain/quantity"
 * fc.sample(quantityString, 3)
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const quantityString: fc.Arbitrary<string> = fc
  .record({
    sign: fc.constantFrom("", "", "-", "+"),
    // trailing zeros matter to the canonical form (1000M → 1G), so generate them often
    whole: fc.oneof(
      fc.constant("0"),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
      fc.tuple(fc.bigInt({ min: 1n, max: 999n }), fc.integer({ min: 1, max: 12 })).map(([n, k]) => `${n}${"0".repeat(k)}`),
    ),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,12}$/), { nil: undefined }),
    suffix: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...QUANTITY_SUFFIXES) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), fc.integer({ min: 0, max: 30 })).map(([e, s, n]) => `${e}${s}${n}`) },
    ),
  })
  .map(({ sign, whole, fraction, suffix }) => `${sign}${whole}${fraction === undefined ? "" : `.${fraction}`}${suffix}`)
