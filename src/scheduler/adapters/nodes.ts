/**
 * Nodes from manifests: a kubectl NodeList (JSON or YAML) or Node documents into the scheduler's
 * nodes — allocatable amounts (cpu as `MilliValue()`, everything else as `Value()`, both rounded
 * up, as Kubernetes does), labels, taints, the unschedulable flag, `status.images` (names and
 * sizes, for ImageLocality) and NUMA cells.
 *
 * NUMA cells are not part of a Node object (NodeResourceTopology is a separate CRD); a node may
 * describe them in the annotation `catcluster.io/numa-cells`, a JSON array of
 * `{"cpus": 16, "memory": "64Gi", "hugepages": "0"}`, or a NodeResourceTopology object may.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { countKeys, countKeyTokens, duplicateKeysIn } from "../../domain/manifest/duplicateKeys.ts"
import { appendPath } from "../../domain/manifest/JsonPath.ts"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { parseQuantity } from "../../domain/quantity/parse.ts"
import { milliValue, value } from "../../domain/quantity/decimal.ts"
import type { NodeImage, NumaCell, SchedulingNode, Taint } from "../model/SchedulingNode.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { amountsOf, MAX_AMOUNT } from "./resourceAmounts.ts"
import { decodeFile, where } from "./source.ts"

/** The annotation carrying a node's NUMA cells. @since 0.1.0 @category constants */
export const NUMA_CELLS_ANNOTATION = "catcluster.io/numa-cells"

/**
 * Nodes from the text of a NodeList (or Node documents).
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodesFromText = (text: string, file: string): ReadonlyArray<SchedulingNode> => {
  const { manifests } = decodeFile(text, file)
  const topologies = numaTopologies(manifests.filter(isTopology))
  return nodesFromManifests(manifests.filter((m) => !isTopology(m)), topologies)
}

/**
 * What a nodes file holds: the nodes (with NUMA cells from NodeResourceTopologies) and the
 * CSINodes beside them (the kubelet publishes one per node; `kubectl get nodes,csinodes -o yaml`
 * lists both), which the workload reads with the storage objects.
 *
 * @since 0.1.0
 * @category model
 */
export interface NodesFile {
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly csiNodes: ReadonlyArray<Manifest>
}

/**
 * The nodes and CSINodes in the text of a nodes file; any other kind is an error, as in
 * {@link nodesFromText}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodesFileFromText = (text: string, file: string): NodesFile => {
  const { manifests } = decodeFile(text, file)
  const topologies = numaTopologies(manifests.filter(isTopology))
  const csiNodes = manifests.filter((m) => m.kind === "CSINode")
  return { nodes: nodesFromManifests(manifests.filter((m) => !isTopology(m) && m.kind !== "CSINode"), topologies), csiNodes }
}

/**
 * Whether a manifest is a NodeResourceTopology (topology.node.k8s.io), which the manifest codecs
 * keep as an unknown kind.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isTopology = (m: Manifest): boolean => m.kind === "Unknown" && m.declaredKind === "NodeResourceTopology"

/**
 * NUMA cells per node name from NodeResourceTopology objects (`topology.node.k8s.io/v1alpha2`, as the
 * NFD topology updater publishes them): each zone of type `Node` is a cell; its allocatable `cpu`
 * (whole CPUs), `memory` and the sum of its `hugepages-*` become the cell's capacity.
 *
 * @since 0.1.0
 * @category constructors
 */
export const numaTopologies = (manifests: ReadonlyArray<Manifest>): ReadonlyMap<string, ReadonlyArray<NumaCell>> => {
  const out = new Map<string, ReadonlyArray<NumaCell>>()
  for (const m of manifests) {
    if (m.kind !== "Unknown") continue
    const raw = m.raw as { metadata?: { name?: unknown }; zones?: unknown }
    const name = raw.metadata?.name
    if (typeof name !== "string") throw new SchedulerInputError(where(m, "metadata.name"), "a NodeResourceTopology needs the name of its node")
    if (!Array.isArray(raw.zones)) throw new SchedulerInputError(where(m, "zones"), "expected a list of zones")
    const cells: NumaCell[] = []
    raw.zones.forEach((zone: { type?: unknown; resources?: unknown } | null, z) => {
      if (typeof zone !== "object" || zone === null || Array.isArray(zone)) throw new SchedulerInputError(where(m, `zones[${z}]`), `expected a zone {name, type, resources}, got ${JSON.stringify(zone)}`)
      if (zone.type !== "Node") return // zones of other types (e.g. sockets) are not NUMA cells
      if (!Array.isArray(zone.resources)) throw new SchedulerInputError(where(m, `zones[${z}].resources`), "expected a list of resources")
      let cpus = 0
      let memoryBytes = 0
      let hugepagesBytes = 0
      zone.resources.forEach((r: { name?: unknown; allocatable?: unknown; capacity?: unknown } | null, i) => {
        const at = `zones[${z}].resources[${i}]`
        if (typeof r !== "object" || r === null || Array.isArray(r)) throw new SchedulerInputError(where(m, at), `expected {name, allocatable: quantity}, got ${JSON.stringify(r)}`)
        const given = r.allocatable ?? r.capacity
        const q = parseQuantity(typeof given === "number" ? given : String(given))
        if (typeof r.name !== "string" || E.isLeft(q)) throw new SchedulerInputError(where(m, at), `expected {name, allocatable: quantity}, got ${JSON.stringify(r)}`)
        if (r.name === "cpu") {
          const milli = Number(milliValue(q.right))
          if (milli % 1000 !== 0) throw new SchedulerInputError(where(m, `${at}.allocatable`), "NUMA cells hold whole CPUs")
          cpus = milli / 1000
        } else if (r.name === "memory") memoryBytes = Number(value(q.right))
        else if (r.name.startsWith("hugepages-")) hugepagesBytes += Number(value(q.right))
      })
      cells.push(cellInRange({ cpus, memoryBytes, hugepagesBytes }, where(m, `zones[${z}]`)))
    })
    if (out.has(name)) throw new SchedulerInputError(where(m, "metadata.name"), `a second NodeResourceTopology for node ${name}`)
    out.set(name, cells)
  }
  return out
}

/**
 * Nodes from decoded Node manifests, with NUMA cells from the annotation or from
 * NodeResourceTopology objects (`topologies`, by node name). Any other kind is an error: a
 * nodes file holds nodes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodesFromManifests = (
  manifests: ReadonlyArray<Manifest>,
  topologies: ReadonlyMap<string, ReadonlyArray<NumaCell>> = new Map(),
): ReadonlyArray<SchedulingNode> => {
  const out: SchedulingNode[] = []
  const seen = new Map<string, Manifest>()
  for (const m of manifests) {
    if (m.kind !== "Node") throw new SchedulerInputError(where(m, "kind"), `expected Node, got ${m.kind === "Unknown" ? m.declaredKind : m.kind}`)
    const name = m.metadata?.name
    if (name === undefined) throw new SchedulerInputError(where(m, "metadata.name"), "a node needs a name")
    // a cluster has one node of a name: a second is a mistake in the input, not a second machine
    const first = seen.get(name)
    if (first !== undefined) throw new SchedulerInputError(where(m, "metadata.name"), `Duplicate value: "${name}" (first at ${where(first, "metadata.name")})`)
    seen.set(name, m)
    const allocatable = amountsOf(m.status?.allocatable ?? m.status?.capacity, where(m, m.status?.allocatable === undefined ? "status.capacity" : "status.allocatable"), "node")
    const taints: ReadonlyArray<Taint> = (m.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? "", effect: t.effect }))
    const cellsText = m.metadata?.annotations?.[NUMA_CELLS_ANNOTATION]
    const fromTopology = topologies.get(name)
    if (cellsText !== undefined && fromTopology !== undefined) {
      throw new SchedulerInputError(where(m, `metadata.annotations["${NUMA_CELLS_ANNOTATION}"]`), `NUMA cells given twice: by this annotation and by a NodeResourceTopology`)
    }
    const images: ReadonlyArray<NodeImage> = (m.status?.images ?? []).map((i) => ({ names: i.names ?? [], sizeBytes: i.sizeBytes ?? 0 }))
    const cells = cellsText === undefined ? fromTopology : numaCells(cellsText, where(m, `metadata.annotations["${NUMA_CELLS_ANNOTATION}"]`))
    const strictGroups = (m.status?.features as { readonly supplementalGroupsPolicy?: unknown } | undefined)?.supplementalGroupsPolicy
    out.push({
      name,
      allocatable,
      labels: m.metadata?.labels ?? {},
      taints,
      unschedulable: m.spec?.unschedulable ?? false,
      ...(cells === undefined ? {} : { numaCells: cells }),
      ...(images.length === 0 ? {} : { images }),
      ...(strictGroups === true ? { supplementalGroupsPolicy: true } : {}),
    })
  }
  const names = new Set(out.map((n) => n.name))
  for (const node of topologies.keys()) {
    if (!names.has(node)) throw new SchedulerInputError("", `a NodeResourceTopology describes node ${node}, which is not among the nodes`)
  }
  return out
}

/** A NUMA cell's amounts within the range both engines count exactly (as resource lists are). */
const cellInRange = (cell: NumaCell, at: string): NumaCell => {
  for (const [field, n] of [["cpus", cell.cpus], ["memory", cell.memoryBytes], ["hugepages", cell.hugepagesBytes]] as const) {
    if (n < 0) throw new SchedulerInputError(`${at}.${field}`, `Invalid value: ${n}: must be greater than or equal to 0`)
    if (!(n <= MAX_AMOUNT)) throw new SchedulerInputError(`${at}.${field}`, `Invalid value: ${n}: exceeds the range catcluster schedules exactly (${MAX_AMOUNT})`)
  }
  return cell
}

const numaCells = (text: string, at: string): ReadonlyArray<NumaCell> => {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new SchedulerInputError(at, "expected a JSON array of {cpus, memory, hugepages}")
  }
  // JSON.parse keeps the last of a key given twice: a cell's "cpus" written twice is a mistake to name
  if (countKeyTokens(text) !== countKeys(raw)) {
    const d = duplicateKeysIn(text)[0]
    if (d !== undefined) throw new SchedulerInputError(d.path.reduce(appendPath, at), `duplicate field ${JSON.stringify(d.key)} (JSON.parse would keep the last value silently)`)
  }
  if (!Array.isArray(raw)) throw new SchedulerInputError(at, "expected a JSON array")
  return raw.map((c: { cpus?: unknown; memory?: unknown; hugepages?: unknown } | null, i): NumaCell => {
    if (typeof c !== "object" || c === null || Array.isArray(c)) throw new SchedulerInputError(`${at}[${i}]`, `expected {cpus, memory, hugepages}, got ${JSON.stringify(c)}`)
    const q = (v: unknown, field: string): number => {
      if (v === undefined) return 0
      const r = parseQuantity(String(v))
      if (E.isLeft(r)) throw new SchedulerInputError(`${at}[${i}].${field}`, `not a quantity: ${JSON.stringify(v)}`)
      return Number(value(r.right))
    }
    if (typeof c.cpus !== "number" || !Number.isInteger(c.cpus) || c.cpus < 0) {
      throw new SchedulerInputError(`${at}[${i}].cpus`, "expected a whole number of CPUs")
    }
    return cellInRange({ cpus: c.cpus, memoryBytes: q(c.memory, "memory"), hugepagesBytes: q(c.hugepages, "hugepages") }, `${at}[${i}]`)
  })
}

