import * as fc from "fast-check"
import type { Monad1 } from "fp-ts/lib/Monad.js"
import { describedType, type TypeObject } from "../../category/Type.ts"
import { readyEndpoints, migrationWeight } from "./Balancer.ts"
import { type Endpoint, type EndpointSet, endpointKey } from "./EndpointSet.ts"

/**
 * The seed's Service "monad" (S7.3), made a real one: a computation that reads the cluster's
 * endpoint view (Reader: `discover`), threads a balancer state (State: the round-robin credit)
 * and counts forwarding hops (Writer over (ℕ, +)):
 *
 *   Service A = (view, state) → (A, state′, hops)
 *
 * `chain` runs the first step, feeds its value and state to the next and adds the hops. A
 * request is `discover ≫= balance`; the container instance balances by one kube-proxy DNAT
 * (1 hop), the VM instance as the seed writes it forwards kube-proxy → virt-handler → QEMU → guest
 * (3 hops). Both counts are constants: the seed's "O(3)" is O(1).
 *
 * @since 0.1.0
 */

/** The cluster view a Service reads. @since 0.1.0 @category model */
export interface ServiceView {
  readonly endpoints: EndpointSet
}

/** What one step produces. @since 0.1.0 @category model */
export interface ServiceStep<A> {
  readonly value: A
  /** The balancer's state: a turn counter (round robin). */
  readonly state: number
  readonly hops: number
}

/** A Service computation. @since 0.1.0 @category model */
export type Service<A> = (view: ServiceView, state: number) => ServiceStep<A>

/** The URI of the Service monad in fp-ts. @since 0.1.0 @category instances */
export const ServiceURI = "catcluster/Service"
/** The type of {@link ServiceURI}. @since 0.1.0 @category instances */
export type ServiceURI = typeof ServiceURI

declare module "fp-ts/HKT" {
  interface URItoKind<A> {
    readonly "catcluster/Service": Service<A>
  }
}

/**
 * `of(a)`: no hop, state untouched.
 *
 * @since 0.1.0
 * @category constructors
 */
export const of =
  <A>(value: A): Service<A> =>
  (_view, state) => ({ value, state, hops: 0 })

/**
 * `m ≫= f`.
 *
 * @since 0.1.0
 * @category sequencing
 */
export const chain =
  <A, B>(f: (a: A) => Service<B>) =>
  (m: Service<A>): Service<B> =>
  (view, state) => {
    const first = m(view, state)
    const second = f(first.value)(view, first.state)
    return { value: second.value, state: second.state, hops: first.hops + second.hops }
  }

/**
 * `map(f)`: changes the value, keeps state and hops.
 *
 * @since 0.1.0
 * @category mapping
 */
export const map =
  <A, B>(f: (a: A) => B) =>
  (m: Service<A>): Service<B> =>
  (view, state) => {
    const r = m(view, state)
    return { value: f(r.value), state: r.state, hops: r.hops }
  }

/**
 * `ap(fa)(fab)`: runs the function's step, then the argument's, and applies.
 *
 * @since 0.1.0
 * @category apply
 */
export const ap =
  <A>(fa: Service<A>) =>
  <B>(fab: Service<(a: A) => B>): Service<B> =>
    chain((f: (a: A) => B) => map(f)(fa))(fab)

/**
 * The Service monad as an fp-ts `Monad1`.
 *
 * @since 0.1.0
 * @category instances
 */
export const ServiceMonad: Monad1<ServiceURI> = {
  URI: ServiceURI,
  of,
  map: (fa, f) => map(f)(fa),
  ap: (fab, fa) => ap(fa)(fab),
  chain: (fa, f) => chain(f)(fa),
}

/**
 * `discover`: the ready endpoints of the view (Reader), no hop.
 *
 * @since 0.1.0
 * @category services
 */
export const discover: Service<ReadonlyArray<Endpoint>> = (view, state) => ({ value: readyEndpoints(view.endpoints), state, hops: 0 })

/** How a Service instance forwards a request to a chosen backend. @since 0.1.0 @category model */
export interface ServiceInstance {
  readonly name: string
  /** Forwarding hops from the Service VIP to the workload. */
  readonly hops: number
  /** Data-plane entries for n backends and m node agents (kube-proxy rules, proxy state). */
  readonly space: (backends: number, agents: number) => number
  /** Picks a backend for turn `state` (deterministic, so the monad laws are checkable). */
  readonly choose: (backends: ReadonlyArray<Endpoint>, state: number) => Endpoint | undefined
}

/**
 * The container instance: kube-proxy DNATs the VIP straight to the pod IP (1 hop); backends in
 * turn (uniform over a cycle).
 *
 * @since 0.1.0
 * @category services
 */
export const containerInstance: ServiceInstance = {
  name: "container (direct DNAT)",
  hops: 1,
  // kube-proxy iptables: the Service's entry rule, one KUBE-SVC jump and a two-rule KUBE-SEP chain per endpoint
  space: (n) => 3 * n + 1,
  choose: (backends, state) => backends[state % Math.max(1, backends.length)],
}

/**
 * The VM instance as the seed writes it: kube-proxy → virt-handler → QEMU → guest (3 hops),
 * backends by smooth weighted round robin with wᵢ = 1/(1 + penaltyᵢ), replayed for turn `state`.
 *
 * @since 0.1.0
 * @category services
 */
export const vmInstance: ServiceInstance = {
  name: "VM (proxy hops)",
  hops: 3,
  // the seed's model: kube-proxy's rules plus per-endpoint state in each of m virt-handlers
  space: (n, m) => 3 * n + 1 + n * m,
  choose: (backends, state) => {
    const n = backends.length
    if (n === 0) return undefined
    const weights = backends.map(migrationWeight)
    const total = weights.reduce((s, w) => s + w, 0)
    const credit = new Float64Array(n)
    let best = 0
    for (let t = 0; t <= state; t++) {
      best = 0
      for (let i = 0; i < n; i++) {
        credit[i]! += weights[i] as number
        if ((credit[i] as number) > (credit[best] as number)) best = i
      }
      credit[best]! -= total
    }
    return backends[best]
  },
}

/**
 * `balance`: the instance's choice for this turn; advances the turn and adds the instance's hops.
 *
 * @since 0.1.0
 * @category services
 */
export const balance =
  (instance: ServiceInstance) =>
  (backends: ReadonlyArray<Endpoint>): Service<Endpoint | undefined> =>
  (_view, state) => ({ value: instance.choose(backends, state), state: state + 1, hops: instance.hops })

/**
 * A request: `discover ≫= balance(instance)`.
 *
 * @example
 * import { request, containerInstance } from "catcluster/domain/services"
 * // request(containerInstance)({ endpoints }, 0) → { value: <endpoint>, state: 1, hops: 1 }
 *
 * @since 0.1.0
 * @category services
 */
export const request = (instance: ServiceInstance): Service<Endpoint | undefined> => chain(balance(instance))(discover)

/** The views and states Service computations are compared on. */
const probeViews: ReadonlyArray<ServiceView> = [
  { endpoints: [] },
  { endpoints: [{ address: "10.0.0.1", port: 80, protocol: "TCP", ready: true, migrationPenalty: 0 }] },
  {
    endpoints: [
      { address: "10.0.0.1", port: 80, protocol: "TCP", ready: true, migrationPenalty: 0 },
      { address: "10.0.0.2", port: 80, protocol: "TCP", ready: false, migrationPenalty: 1 },
      { address: "10.0.0.3", port: 80, protocol: "TCP", ready: true, migrationPenalty: 2 },
    ],
  },
]
const probeStates = [0, 1, 2, 5]

const viewKey = (v: ServiceView): string => v.endpoints.map(endpointKey).join(",")

/**
 * Service computations as a described type for the monad laws: extensional equality on a fixed
 * set of views × states (values by `a`'s equality, states and hops exactly), random computations
 * built from pure functions of (view, state).
 *
 * @since 0.1.0
 * @category carriers
 */
export const serviceType = <A>(a: TypeObject<A>): TypeObject<Service<A>> =>
  describedType({
    name: `Service<${a.name}>`,
    arbitrary: fc
      .tuple(fc.func(a.arbitrary), fc.func(fc.integer({ min: 0, max: 3 })), fc.func(fc.integer({ min: 0, max: 3 })))
      .map(([value, dState, hops]): Service<A> => (view, state) => ({
        value: value(viewKey(view), state),
        state: state + dState(viewKey(view), state),
        hops: hops(viewKey(view), state),
      })),
    equals: (m, n) =>
      probeViews.every((v) =>
        probeStates.every((s) => {
          const x = m(v, s)
          const y = n(v, s)
          return a.equals(x.value, y.value) && x.state === y.state && x.hops === y.hops
        }),
      ),
    show: (m) =>
      `Service{${probeViews
        .flatMap((v, i) => probeStates.map((s) => {
          const r = m(v, s)
          return `v${i},s${s}↦(${a.show(r.value)},${r.state},${r.hops})`
        }))
        .join(" ")}}`,
  })
