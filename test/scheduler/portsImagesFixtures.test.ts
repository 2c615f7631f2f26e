/**
 * The manifest fixtures of NodePorts and ImageLocality (`fixtures/nodeports/`, `fixtures/imagelocality/`:
 * per case a NodeList and a pods file, per plugin a KubeSchedulerConfiguration and expected.json),
 * run in-process through the readable σ with the profile their config.yaml describes.
 *
 * Until the manifest adapter reads host ports and node images, this file fills them in from the
 * raw YAML (`withPortsAndImages`), as the adapter should: `hostPortsOfSpec` over the containers
 * and sidecars, one image per container (init containers first), image volume references,
 * `status.images` per node. Where
 * the adapter already fills a field, the test checks it agrees.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseAllDocuments } from "yaml"
import {
  type ContainerPortsSpec,
  defaultProfile,
  hostPortsOfSpec,
  type NodeImage,
  nodesFromText,
  type Profile,
  type SchedulingNode,
  type SchedulingPod,
  scheduleBatch,
  workloadFromText,
} from "../../src/scheduler/index.ts"

const fixtures = join(import.meta.dirname, "fixtures")

interface ExpectedPlacement {
  readonly pod: string
  readonly node: string | null
  readonly message?: string
  readonly victims?: ReadonlyArray<string>
  readonly scores?: Readonly<Record<string, number>>
}
interface Expected {
  readonly plugin: string
  readonly cases: ReadonlyArray<{ readonly dir: string; readonly placements: ReadonlyArray<ExpectedPlacement> }>
}

type RawContainer = ContainerPortsSpec & { readonly image?: string }
interface RawDoc {
  readonly kind?: string
  readonly metadata?: { readonly name?: string; readonly namespace?: string }
  readonly spec?: {
    readonly containers?: ReadonlyArray<RawContainer>
    readonly initContainers?: ReadonlyArray<RawContainer>
    readonly volumes?: ReadonlyArray<{ readonly image?: { readonly reference?: string } }>
  }
  readonly status?: { readonly images?: ReadonlyArray<NodeImage> }
  readonly items?: ReadonlyArray<RawDoc>
}

const rawDocs = (text: string): ReadonlyArray<RawDoc> =>
  parseAllDocuments(text as string)
    .map((d) => d.toJS() as RawDoc | null)
    .flatMap((d) => (d === null ? [] : d.items ?? [d]))

const agree = <A>(fromAdapter: A | undefined, ours: A): A => {
  if (fromAdapter !== undefined) expect(fromAdapter).toEqual(ours)
  return ours
}

const withPortsAndImages = (dir: string): { nodes: ReadonlyArray<SchedulingNode>; pending: ReadonlyArray<SchedulingPod>; bound: ReadonlyArray<{ node: string; pod: SchedulingPod }> } => {
  const nodesText = readFileSync(join(dir, "nodes.yaml"), "utf8")
  const podsText = readFileSync(join(dir, "pods.yaml"), "utf8")
  const rawNodes = new Map(rawDocs(nodesText).map((d) => [d.metadata?.name ?? "", d]))
  const rawPods = new Map(rawDocs(podsText).filter((d) => d.kind === "Pod").map((d) => [`${d.metadata?.namespace ?? "default"}/${d.metadata?.name ?? ""}`, d]))
  const nodes = nodesFromText(nodesText, "nodes.yaml").map((n) => {
    const images = rawNodes.get(n.name)?.status?.images
    return images === undefined ? n : { ...n, images: agree(n.images, images.map((i) => ({ names: i.names, sizeBytes: i.sizeBytes }))) }
  })
  const fill = (p: SchedulingPod): SchedulingPod => {
    const spec = rawPods.get(p.key)?.spec
    if (spec === undefined) return p
    const containers = spec.containers ?? []
    const init = spec.initContainers ?? []
    const hostPorts = hostPortsOfSpec(containers, init)
    const images = [...init, ...containers].map((c) => c.image ?? "")
    const imageVolumes = (spec.volumes ?? []).flatMap((v) => (v.image === undefined ? [] : [v.image.reference ?? ""]))
    return {
      ...p,
      hostPorts: agree(p.hostPorts, hostPorts),
      images: agree(p.images, images),
      ...(imageVolumes.length === 0 ? {} : { imageVolumes: agree(p.imageVolumes, imageVolumes) }),
    }
  }
  const workload = workloadFromText(podsText, "pods.yaml")
  return { nodes, pending: workload.pending.map(fill), bound: workload.bound.map((b) => ({ node: b.node, pod: fill(b.pod) })) }
}

// The profiles the fixtures' config.yaml files describe.
const PROFILES: Readonly<Record<string, Profile>> = {
  nodeports: { ...defaultProfile, filters: ["NodePorts"], weights: {} },
  imagelocality: { ...defaultProfile, weights: { ImageLocality: 1 } },
}

describe.each(Object.keys(PROFILES))("fixtures/%s", (plugin) => {
  const root = join(fixtures, plugin)
  const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as Expected
  const profile = PROFILES[plugin] as Profile

  it("expected.json lists every case directory", () => {
    const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    expect(expected.cases.map((c) => c.dir).sort()).toEqual(dirs.sort())
  })

  // core/ does not implement NodePorts and ImageLocality yet: add "hot" here when it does.
  it.todo("hot engine: the same cases once core/ implements NodePorts and ImageLocality")
  describe.each(["readable"] as const)("%s engine", (engine) => {
    it.each(expected.cases.map((c) => [c.dir, c] as const))("%s", (_, c) => {
      const input = withPortsAndImages(join(root, c.dir))
      const placements = scheduleBatch({ nodes: input.nodes, bound: input.bound }, input.pending, { profile, engine, explain: true })
      for (const want of c.placements) {
        const got = placements.find((p) => p.pod === want.pod)
        expect(got?.node, want.pod).toBe(want.node)
        if (want.message !== undefined) expect(got?.message).toBe(want.message)
        expect(got?.victims ?? []).toEqual(want.victims ?? [])
        if (want.scores !== undefined) {
          const scores = Object.fromEntries((got?.scores ?? []).map((s) => [s.node, s.plugins.ImageLocality]))
          expect(scores).toEqual(want.scores)
        }
      }
    })
  })
})
