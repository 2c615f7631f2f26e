/**
 * fast-check generators of raw manifests (plain JSON-able objects, as `JSON.parse` or a YAML
 * reader gives them) that decode: pods with init containers and sidecars, and nodes.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

/** A quantity text for a resource: cpu in milli-cores, memory in Mi, counts as bare numbers. */
const amountText = (name: string, n: number): string | number =>
  name === "cpu" ? `${n}m` : name === "memory" ? `${n}Mi` : n

/**
 * A raw container with requests (and sometimes equal or larger limits) for cpu and memory.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const rawContainer = (name: fc.Arbitrary<string> = fc.constantFrom("app", "side", "init", "web", "db")): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      name,
      cpu: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
      memory: fc.option(fc.integer({ min: 0, max: 8192 }), { nil: undefined }),
      headroom: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    })
    .map(({ name, cpu, memory, headroom }) => {
      const requests: Record<string, string | number> = {}
      if (cpu !== undefined) requests["cpu"] = amountText("cpu", cpu)
      if (memory !== undefined) requests["memory"] = amountText("memory", memory)
      const limits: Record<string, string | number> = {}
      if (headroom !== undefined && cpu !== undefined) limits["cpu"] = amountText("cpu", cpu + headroom)
      return { name, image: "registry.example/app:1", resources: { requests, ...(Object.keys(limits).length > 0 ? { limits } : {}) } }
    })

/**
 * A raw Pod manifest: 1–4 containers, 0–3 init containers of which some are restartable
 * sidecars (`restartPolicy: Always`), an optional priority and node selector.
 *
 * @example
 * import * as fc from "fast-check"
 * import { rawPod, decodeManifestValue } from "catcluster/domain/manifest"
 * fc.assert(fc.property(rawPod, (p) => decodeManifestValue(p)._tag === "Right"))
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const rawPod: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    containers: fc.array(rawContainer(), { minLength: 1, maxLength: 4 }),
    inits: fc.array(fc.tuple(rawContainer(), fc.boolean()), { maxLength: 3 }),
    priority: fc.option(fc.integer({ min: -1000, max: 1_000_000 }), { nil: undefined }),
    zone: fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined }),
  })
  .map(({ name, containers, inits, priority, zone }) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: {
      containers,
      ...(inits.length > 0 ? { initContainers: inits.map(([c, sidecar]) => (sidecar ? { ...c, restartPolicy: "Always" } : c)) } : {}),
      ...(priority === undefined ? {} : { priority }),
      ...(zone === undefined ? {} : { nodeSelector: { "topology.kubernetes.io/zone": zone } }),
    },
  }))

/**
 * A raw Node manifest with allocatable cpu, memory and pods, a zone label, maybe a taint.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const rawNode: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    name: fc.stringMatching(/^node-[a-z0-9]{1,6}$/),
    cores: fc.integer({ min: 1, max: 128 }),
    memoryGi: fc.integer({ min: 1, max: 1024 }),
    pods: fc.integer({ min: 1, max: 250 }),
    zone: fc.constantFrom("a", "b", "c"),
    tainted: fc.boolean(),
  })
  .map(({ name, cores, memoryGi, pods, zone, tainted }) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "topology.kubernetes.io/zone": zone } },
    spec: tainted ? { taints: [{ key: "dedicated", value: "vm", effect: "NoSchedule" }] } : {},
    status: {
      capacity: { cpu: String(cores), memory: `${memoryGi}Gi`, pods },
      allocatable: { cpu: String(cores), memory: `${memoryGi}Gi`, pods },
    },
  }))
