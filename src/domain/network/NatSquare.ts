import { freeCategory, type FinCat } from "../../category/fincat/index.ts"
import { FinSet, finFunctionUnchecked, labelledSet, type FinFunction, type FinSetObject } from "../../category/finset/index.ts"
import type { Functor } from "../../functors/Functor.ts"
import { naturalTransformation, type NaturalTransformation } from "../../functors/NaturalTransformation.ts"

/**
 * The NAT square of S6.4 on a concrete model of packet paths.
 *
 * Objects are VMIs; an arrow c : x → y is a relay: what arrives at x's port p is forwarded to
 * y's port m_c(p) (a Service hop, a sidecar, a port-forward). Two functors into FinSet see the
 * same relays at two levels:
 *
 * - VMNetwork F: x ↦ x's guest sockets {p₁ … p_k, ⊥}; F(c) sends p to m_c(p) — the guest-level
 *   picture where every VMI is directly reachable;
 * - PodNetwork G: x ↦ x's launcher-pod sockets {p₁ … p_k, ⊥}; G(c) sends p to m_c(p) when y's
 *   pod forwards m_c(p) into the guest, else drops it (⊥).
 *
 * α_x : F x → G x is the masquerade binding of x: guest port p is reachable on the pod iff the
 * VMI's interface forwards it (KubeVirt forwards every port when the interface lists none, only
 * the listed ones otherwise). The square G c ∘ α_x = α_y ∘ F c commutes exactly when no relay
 * carries a packet from a port x does not forward to one y does; the law checker returns the
 * square and the port where it breaks.
 *
 * @since 0.1.0
 */

/** A VMI's masquerade interface: which ports it forwards (undefined: all). @since 0.1.0 @category model */
export interface VmiPorts {
  readonly name: string
  readonly forwarded: ReadonlyArray<number> | undefined
}

/** A relay between two VMIs with its port map. @since 0.1.0 @category model */
export interface Relay {
  readonly name: string
  readonly from: string
  readonly to: string
  readonly portMap: Readonly<Record<number, number>>
}

/** The model: the ports in play, the VMIs and the relays (an acyclic graph). @since 0.1.0 @category model */
export interface NatModel {
  readonly ports: ReadonlyArray<number>
  readonly vmis: ReadonlyArray<VmiPorts>
  readonly relays: ReadonlyArray<Relay>
}

/** A model the square cannot be built on. @since 0.1.0 @category errors */
export class NatModelError extends Error {
  readonly _tag = "NatModelError" as const
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = "NatModelError"
  }
}

/** The functors, the transformation and the relay category of a model. @since 0.1.0 @category model */
export interface NatSquare {
  readonly relays: FinCat
  readonly vmNetwork: Functor<number, number, FinSetObject, FinFunction>
  readonly podNetwork: Functor<number, number, FinSetObject, FinFunction>
  readonly alpha: NaturalTransformation<number, number, FinSetObject, FinFunction>
}

/**
 * Builds F, G and α for a model (throws `PresentationError` for a cyclic or ill-formed relay graph).
 *
 * @example
 * import { natSquare } from "catcluster/domain/network"
 * // naturalityLaws(natSquare(model).alpha) — exhaustive over every relay path
 *
 * @since 0.1.0
 * @category network
 */
export const natSquare = (model: NatModel): NatSquare => {
  const relays = freeCategory({
    name: "Relays",
    objects: model.vmis.map((v) => v.name),
    arrows: model.relays.map((r) => ({ name: r.name, dom: r.from, cod: r.to })),
  }).finite
  if (relays === undefined) throw new NatModelError("relays", "the relay graph has a cycle or too many paths: the square is checked on a finite category")
  const k = model.ports.length
  const bottom = k
  const sockets = (prefix: string, x: number): FinSetObject => labelledSet([...model.ports.map((p) => `${relays.presentation.objects[x]}:${prefix}${p}`), `${relays.presentation.objects[x]}:⊥`])
  const portIndex = new Map(model.ports.map((p, i) => [p, i]))
  const forwards = (x: number, port: number): boolean => {
    const f = model.vmis[x]?.forwarded
    return f === undefined || f.includes(port)
  }
  const relayOf = new Map(model.relays.map((r) => [r.name, r]))
  const image = (level: "vm" | "pod", f: number): FinFunction => {
    const x = relays.dom(f)
    const y = relays.cod(f)
    const map = new Int32Array(k + 1)
    for (let i = 0; i < k; i++) map[i] = i
    map[bottom] = bottom
    for (const name of relays.pathOf(f)) {
      const r = relayOf.get(name) as Relay
      const target = relays.objectId(r.to)
      for (let i = 0; i < k; i++) {
        const at = map[i] as number
        if (at === bottom) continue
        const next = r.portMap[model.ports[at] as number]
        const j = next === undefined ? undefined : portIndex.get(next)
        map[i] = j === undefined || (level === "pod" && !forwards(target, model.ports[j] as number)) ? bottom : j
      }
    }
    const prefix = level === "vm" ? "guest" : "pod"
    return finFunctionUnchecked(sockets(prefix, x), sockets(prefix, y), map)
  }
  const vmNetwork: Functor<number, number, FinSetObject, FinFunction> = { name: "VMNetwork", source: relays, target: FinSet, onObjects: (x) => sockets("guest", x), onArrows: (f) => image("vm", f) }
  const podNetwork: Functor<number, number, FinSetObject, FinFunction> = { name: "PodNetwork", source: relays, target: FinSet, onObjects: (x) => sockets("pod", x), onArrows: (f) => image("pod", f) }
  const alpha = naturalTransformation("α (masquerade)", vmNetwork, podNetwork, (x: number) => {
    const map = new Int32Array(k + 1)
    for (let i = 0; i < k; i++) map[i] = forwards(x, model.ports[i] as number) ? i : bottom
    map[bottom] = bottom
    return finFunctionUnchecked(sockets("guest", x), sockets("pod", x), map)
  })
  return { relays, vmNetwork, podNetwork, alpha }
}

/**
 * A small model: a frontend VMI relays port 80 to an api VMI's 8080, which relays 8080 to a db
 * VMI's 5432. With `restrictFrontend`, the frontend's interface forwards only 22, as a VMI with
 * a `ports: [{port: 22}]` list does.
 *
 * @since 0.1.0
 * @category network
 */
export const exampleNatModel = (restrictFrontend: boolean): NatModel => ({
  ports: [22, 80, 8080, 5432],
  vmis: [
    { name: "frontend", forwarded: restrictFrontend ? [22] : undefined },
    { name: "api", forwarded: undefined },
    { name: "db", forwarded: undefined },
  ],
  relays: [
    { name: "web", from: "frontend", to: "api", portMap: { 80: 8080 } },
    { name: "sql", from: "api", to: "db", portMap: { 8080: 5432 } },
  ],
})
