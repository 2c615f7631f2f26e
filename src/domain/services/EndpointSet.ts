import * as fc from "fast-check"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { describedType, type TypeObject } from "../../category/Type.ts"

/**
 * Service discovery as a monoid (S7.1): endpoint sets with ⊕ = merge and e = ∅.
 *
 * An endpoint is what an EndpointSlice lists for a Service: an address, a port and a protocol,
 * with its `ready` condition and (for VM backends) a migration penalty. Sets are kept sorted by
 * key, so equal sets are equal arrays. Merging two sets (e.g. two EndpointSlices of one Service)
 * takes the union by key; an endpoint in both is ready if either slice says so and carries the
 * larger penalty (the cautious reading). That makes ⊕ a join: associative, commutative,
 * idempotent, with ∅ as unit — the laws are checked, not assumed.
 *
 * @since 0.1.0
 */

/** One backend of a Service. @since 0.1.0 @category model */
export interface Endpoint {
  readonly address: string
  readonly port: number
  readonly protocol: "TCP" | "UDP" | "SCTP"
  readonly ready: boolean
  /** VM backends: the cost of a pending or recent live migration (≥ 0); 0 for containers. */
  readonly migrationPenalty: number
}

/** Endpoints sorted by {@link endpointKey}, one per key. @since 0.1.0 @category model */
export type EndpointSet = ReadonlyArray<Endpoint>

/**
 * The identity of an endpoint: `address:port/protocol`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const endpointKey = (e: Endpoint): string => `${e.address}:${e.port}/${e.protocol}`

/**
 * An endpoint with defaults (TCP, ready, no penalty).
 *
 * @since 0.1.0
 * @category constructors
 */
export const endpoint = (address: string, port: number, more: Partial<Omit<Endpoint, "address" | "port">> = {}): Endpoint => ({
  address,
  port,
  protocol: "TCP",
  ready: true,
  migrationPenalty: 0,
  ...more,
})

const byKey = (a: Endpoint, b: Endpoint): number => {
  const ka = endpointKey(a)
  const kb = endpointKey(b)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** How two records of the same endpoint combine. @since 0.1.0 @category model */
export type EndpointJoin = (a: Endpoint, b: Endpoint) => Endpoint

/**
 * The join used by {@link mergeEndpoints}: ready if either is, the larger penalty.
 *
 * @since 0.1.0
 * @category combinators
 */
export const joinEndpoint: EndpointJoin = (a, b) => ({ ...a, ready: a.ready || b.ready, migrationPenalty: Math.max(a.migrationPenalty, b.migrationPenalty) })

/**
 * The merge of two endpoint sets under a given join of duplicates (exposed so a broken join can
 * be shown failing the laws).
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergeWith =
  (join: EndpointJoin) =>
  (a: EndpointSet, b: EndpointSet): EndpointSet => {
    const out: Endpoint[] = []
    let i = 0
    let j = 0
    while (i < a.length || j < b.length) {
      const x = a[i]
      const y = b[j]
      if (y === undefined || (x !== undefined && byKey(x, y) < 0)) {
        out.push(x as Endpoint)
        i++
      } else if (x === undefined || byKey(x, y) > 0) {
        out.push(y)
        j++
      } else {
        out.push(join(x, y))
        i++
        j++
      }
    }
    return out
  }

/**
 * ⊕ on endpoint sets: union by key, duplicates joined by {@link joinEndpoint}.
 *
 * @example
 * import { endpoint, endpointSet, mergeEndpoints } from "catcluster/domain/services"
 * mergeEndpoints(endpointSet([endpoint("10.0.0.1", 80)]), endpointSet([endpoint("10.0.0.2", 80)])).length // 2
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergeEndpoints: (a: EndpointSet, b: EndpointSet) => EndpointSet = mergeWith(joinEndpoint)

/**
 * A set from any list of endpoints (sorted, duplicates joined).
 *
 * @example
 * import { endpoint, endpointSet, showEndpointSet } from "catcluster/domain/services"
 * const s = endpointSet([endpoint("10.0.0.2", 80), endpoint("10.0.0.1", 80), endpoint("10.0.0.2", 80, { ready: false })])
 * showEndpointSet(s) // "{10.0.0.1:80/TCP✓0, 10.0.0.2:80/TCP✓0}": ready if either copy is
 *
 * @since 0.1.0
 * @category constructors
 */
export const endpointSet = (endpoints: ReadonlyArray<Endpoint>): EndpointSet =>
  endpoints.reduce<EndpointSet>((acc, e) => mergeEndpoints(acc, [e]), [])

/**
 * The monoid (EndpointSet, ⊕, ∅) as an fp-ts `Monoid`.
 *
 * @since 0.1.0
 * @category instances
 */
export const EndpointSetMonoid: Monoid<EndpointSet> = { concat: mergeEndpoints, empty: [] }

/**
 * Structural equality of endpoint sets.
 *
 * @since 0.1.0
 * @category equality
 */
export const equalEndpointSets = (a: EndpointSet, b: EndpointSet): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i] as Endpoint
    return endpointKey(x) === endpointKey(y) && x.ready === y.ready && x.migrationPenalty === y.migrationPenalty
  })

/**
 * Shows a set as `{10.0.0.1:80/TCP✓0, …}` (✓ ready, ✗ not, then the penalty).
 *
 * @since 0.1.0
 * @category destructors
 */
export const showEndpointSet = (s: EndpointSet): string =>
  `{${s.map((e) => `${endpointKey(e)}${e.ready ? "✓" : "✗"}${e.migrationPenalty}`).join(", ")}}`

/**
 * Every endpoint set over `addresses` (port 80/TCP), each endpoint absent or present with a
 * readiness and a penalty from `penalties`: (1 + 2·|penalties|)^|addresses| sets.
 *
 * @since 0.1.0
 * @category carriers
 */
export const allEndpointSets = (addresses: ReadonlyArray<string>, penalties: ReadonlyArray<number>): ReadonlyArray<EndpointSet> => {
  const choices: Array<Endpoint | undefined>[] = addresses.map((a) => [
    undefined,
    ...penalties.flatMap((p) => [endpoint(a, 80, { ready: true, migrationPenalty: p }), endpoint(a, 80, { ready: false, migrationPenalty: p })]),
  ])
  let sets: Endpoint[][] = [[]]
  for (const options of choices) sets = sets.flatMap((s) => options.map((o) => (o === undefined ? s : [...s, o])))
  return sets.map(endpointSet)
}

/**
 * Endpoint sets as a described type: enumerated over a small universe when `universe` is given,
 * sampled (up to 40 endpoints from 64 addresses) otherwise.
 *
 * @since 0.1.0
 * @category carriers
 */
export const endpointSetType = (universe?: { readonly addresses: ReadonlyArray<string>; readonly penalties: ReadonlyArray<number> }): TypeObject<EndpointSet> => {
  const one = fc.record({
    address: fc.integer({ min: 1, max: 64 }).map((i) => `10.0.0.${i}`),
    port: fc.constantFrom(80, 443),
    protocol: fc.constantFrom("TCP" as const, "UDP" as const),
    ready: fc.boolean(),
    migrationPenalty: fc.constantFrom(0, 0.5, 1, 2, 5),
  })
  return describedType({
    name: universe === undefined ? "EndpointSet" : `EndpointSet(${universe.addresses.length} addresses)`,
    arbitrary: universe === undefined ? fc.array(one, { maxLength: 40 }).map(endpointSet) : fc.constantFrom(...allEndpointSets(universe.addresses, universe.penalties)),
    equals: equalEndpointSets,
    show: showEndpointSet,
    ...(universe === undefined ? {} : { enumerate: () => allEndpointSets(universe.addresses, universe.penalties) }),
  })
}
