/**
 * fast-check generators of resource vectors and container resource stanzas.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Quantity } from "../quantity/Quantity.ts"
import type { ResourceVector } from "./ResourceVector.ts"

/**
 * Resource names a generator draws from: native, hugepages and extended.
 *
 * @since 0.1.0
 * @category constants
 */
export const SAMPLE_RESOURCE_NAMES = [
  "cpu",
  "memory",
  "ephemeral-storage",
  "hugepages-2Mi",
  "nvidia.com/gpu",
  "devices.kubevirt.io/kvm",
] as const

/**
 * Resource vectors over {@link SAMPLE_RESOURCE_NAMES} with amounts in `[0, max]`, some names
 * absent, some explicitly 0.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const resourceVector = (max = 1n << 40n): fc.Arbitrary<ResourceVector> =>
  fc
    .dictionary(fc.constantFrom(...SAMPLE_RESOURCE_NAMES), fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max })), { maxKeys: SAMPLE_RESOURCE_NAMES.length })
    .map((record) => new Map(Object.entries(record)))

/**
 * A quantity of whole units (`count` units of a resource; cpu counts milli-cores).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const wholeQuantity = (max = 64n): fc.Arbitrary<Quantity> =>
  fc.bigInt({ min: 0n, max }).map((n) => ({ nanos: n * 1_000_000_000n, format: "DecimalSI" as const }))
