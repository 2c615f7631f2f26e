/**
 * Plugin NodePorts (Kubernetes v1.35): a pod's host ports must be free on the node.
 *
 * - The ports that count, for the incoming pod and for the pods already bound, are upstream's
 *   `GetHostPorts`: every port with `hostPort > 0` of the regular containers and of the
 *   restartable init containers (sidecars). `SchedulingPod.hostPorts` holds exactly those.
 * - PreFilter: a pod that binds no host port skips the plugin (its Filter never runs).
 * - Filter: `Unschedulable` (preemption may free the port) with "node(s) didn't have free ports for
 *   the requested pod ports" when a wanted port conflicts with one in use on the node.
 * - Conflict, as upstream's `HostPortInfo.CheckConflict`: same protocol and port, and either side's
 *   host IP is the wildcard `0.0.0.0` (an empty host IP means `0.0.0.0`) or both IPs are the same
 *   string. Only `0.0.0.0` is a wildcard: upstream compares IPs as strings, so `::` is not one.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, proceed, skip } from "../framework/Plugin.ts"
import type { HostPort, SchedulingPod } from "../model/SchedulingPod.ts"
import type { Profile } from "../profile/Profile.ts"
import type { BoundPod } from "../readable/NodeState.ts"
import { failure, type Status, success } from "./Status.ts"

/** kube-scheduler's reason when a wanted host port is in use (v1.35 `ErrReason`). @since 0.1.0 @category constants */
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports"

/** The host IP that binds every address (upstream's `DefaultBindAllHostIP`). @since 0.1.0 @category constants */
export const BIND_ALL_HOST_IP = "0.0.0.0"

/**
 * The host ports in use on a node: host IP (empty IPs stored as `0.0.0.0`) → `"<protocol>/<port>"`.
 * Upstream's `HostPortInfo`.
 *
 * @since 0.1.0
 * @category model
 */
export type HostPortInfo = ReadonlyMap<string, ReadonlySet<string>>

const hostIpOf = (p: HostPort): string => (p.hostIP === "" ? BIND_ALL_HOST_IP : p.hostIP)
const protocolPortOf = (p: HostPort): string => `${p.protocol}/${p.hostPort}`

/**
 * The host ports of a pod that NodePorts considers: those with `hostPort > 0` (upstream never
 * adds or checks a port ≤ 0).
 *
 * @since 0.1.0
 * @category accessors
 */
export const hostPortsOf = (pod: SchedulingPod): ReadonlyArray<HostPort> => (pod.hostPorts ?? []).filter((p) => p.hostPort > 0)

/** A container port as a manifest writes it (every field optional, as in the API). @since 0.1.0 @category model */
export interface ContainerPortSpec {
  readonly hostPort?: number | undefined
  readonly hostIP?: string | undefined
  readonly protocol?: "TCP" | "UDP" | "SCTP" | undefined
}

/** A container as a manifest writes it, as far as host ports go. @since 0.1.0 @category model */
export interface ContainerPortsSpec {
  readonly ports?: ReadonlyArray<ContainerPortSpec> | undefined
  /** `Always` on an init container makes it a sidecar. */
  readonly restartPolicy?: string | undefined
}

/**
 * Upstream's `GetHostPorts` over a pod spec: the ports with `hostPort > 0` of the restartable init
 * containers (`restartPolicy: Always`), then of the regular containers; a plain init container's
 * ports are not counted (it has exited before the pod runs). A missing protocol is TCP (the API
 * default); a missing host IP stays empty (= `0.0.0.0`). What `SchedulingPod.hostPorts` holds.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hostPortsOfSpec = (containers: ReadonlyArray<ContainerPortsSpec>, initContainers: ReadonlyArray<ContainerPortsSpec> = []): ReadonlyArray<HostPort> => {
  const out: HostPort[] = []
  const add = (c: ContainerPortsSpec): void => {
    for (const p of c.ports ?? []) {
      if ((p.hostPort ?? 0) > 0) out.push({ protocol: p.protocol ?? "TCP", hostIP: p.hostIP ?? "", hostPort: p.hostPort ?? 0 })
    }
  }
  for (const c of initContainers) if (c.restartPolicy === "Always") add(c)
  for (const c of containers) add(c)
  return out
}

/**
 * The host ports used by some pods (upstream's `NodeInfo.UsedPorts` of a node holding them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const usedHostPorts = (pods: Iterable<SchedulingPod>): HostPortInfo => {
  const used = new Map<string, Set<string>>()
  for (const pod of pods) {
    for (const p of hostPortsOf(pod)) {
      const ip = hostIpOf(p)
      const set = used.get(ip) ?? new Set<string>()
      set.add(protocolPortOf(p))
      used.set(ip, set)
    }
  }
  return used
}

/**
 * `HostPortInfo.CheckConflict`: whether binding `port` clashes with the ports in use. A wildcard
 * `0.0.0.0` port clashes with that protocol/port on any IP; a specific IP clashes with the same
 * IP or with the wildcard.
 *
 * @since 0.1.0
 * @category predicates
 */
export const portConflicts = (used: HostPortInfo, port: HostPort): boolean => {
  if (port.hostPort <= 0) return false
  const ip = hostIpOf(port)
  const key = protocolPortOf(port)
  if (ip === BIND_ALL_HOST_IP) {
    for (const set of used.values()) if (set.has(key)) return true
    return false
  }
  return (used.get(BIND_ALL_HOST_IP)?.has(key) ?? false) || (used.get(ip)?.has(key) ?? false)
}

/**
 * `fitsPorts`: none of the wanted ports clashes with the ports in use. (The wanted ports are not
 * checked against each other, as upstream.)
 *
 * @since 0.1.0
 * @category predicates
 */
export const fitsPorts = (wanted: ReadonlyArray<HostPort>, used: HostPortInfo): boolean => !wanted.some((p) => portConflicts(used, p))

/**
 * NodePorts' Filter on a node holding `bound`.
 *
 * @since 0.1.0
 * @category filters
 */
export const nodePortsFilter = (wanted: ReadonlyArray<HostPort>, bound: ReadonlyArray<BoundPod>): Status =>
  fitsPorts(wanted, usedHostPorts(bound.map((b) => b.pod))) ? success : failure("Unschedulable", REASON_NODE_PORTS)

/**
 * NodePorts at PreFilter (skip when the pod binds no host port; the state is its ports) and
 * Filter. Without a PreFilter state (PreFilter disabled, which upstream treats as an error and the
 * configuration reader refuses) the Filter reads the pod's ports itself, as upstream's `Fits`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const nodePortsFilterPlugin = (_profile: Profile): FilterPlugin<ReadonlyArray<HostPort>> => ({
  name: "NodePorts",
  preFilter: (pod) => {
    const wanted = hostPortsOf(pod)
    return wanted.length === 0 ? skip : proceed(wanted)
  },
  filter: (pod, node, state) => nodePortsFilter(state ?? hostPortsOf(pod), node.pods),
})
