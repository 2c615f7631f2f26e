/**
 * ImageLocality (v1.35): the cases of upstream's image_locality_test.go (TestImageLocalityPriority,
 * 7 cases, and TestNormalizedImageName, 4 cases) restated as tables, run through the readable σ
 * with ImageLocality the only score plugin; then the kernels on catcluster's own edge cases. Each
 * expected score is worked out in the comment next to it.
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import {
  defaultProfile,
  imageLocalityScore,
  imageStates,
  MEBIBYTE,
  type NodeImage,
  node,
  normalizedImageName,
  pod,
  type Profile,
  readableScheduler,
  scaledImageScore,
  type SchedulingNode,
  type SchedulingPod,
  snapshot,
  sumImageScores,
} from "../../src/scheduler/index.ts"

const mb = MEBIBYTE
const img = (sizeMb: number, ...names: ReadonlyArray<string>): NodeImage => ({ names, sizeBytes: sizeMb * mb })
const imageNode = (name: string, images: ReadonlyArray<NodeImage>): SchedulingNode => node(name, { cpu: 4000, memory: 2 ** 30, pods: 10 }, { images })
const withImages = (containers: ReadonlyArray<string>, init: ReadonlyArray<string> = []): SchedulingPod => pod("d/p", {}, { images: [...init, ...containers] })

// The node statuses of upstream's table.
const node403002000 = [img(40, "gcr.io/40:latest", "gcr.io/40:v1", "gcr.io/40:v1"), img(300, "gcr.io/300:latest", "gcr.io/300:v1"), img(2000, "gcr.io/2000:latest")]
const node25010 = [img(250, "gcr.io/250:latest"), img(10, "gcr.io/10:latest", "gcr.io/10:v1")]
const node60040900 = [img(600, "gcr.io/600:latest"), img(40, "gcr.io/40:latest"), img(900, "gcr.io/900:latest")]
const node300600900 = [img(300, "gcr.io/300:latest"), img(600, "gcr.io/600:latest"), img(900, "gcr.io/900:latest")]
const node400030 = [img(4000, "gcr.io/4000:latest"), img(30, "gcr.io/30:latest")]
const node203040 = [img(20, "gcr.io/20:latest"), img(30, "gcr.io/30:latest"), img(40, "gcr.io/40:latest")]

interface Case {
  readonly name: string
  readonly pod: SchedulingPod
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly scores: ReadonlyArray<number>
}

const UPSTREAM: ReadonlyArray<Case> = [
  {
    // node1: 40M·1/2 = 20M < 23M → 0; node2: 250M·1/2 = 125M → ⌊100·(125−23)/(2000−23)⌋ = ⌊10200/1977⌋ = 5
    name: "two images spread on two nodes, prefer the larger image one",
    pod: withImages(["gcr.io/40", "gcr.io/250"]),
    nodes: [imageNode("node1", node403002000), imageNode("node2", node25010)],
    scores: [0, 5],
  },
  {
    // node1: (40M + 300M)/2 = 170M → ⌊100·147/1977⌋ = 7; node2 holds neither → 0
    name: "two images on one node, prefer this node",
    pod: withImages(["gcr.io/40", "gcr.io/300"]),
    nodes: [imageNode("node1", node403002000), imageNode("node2", node25010)],
    scores: [7, 0],
  },
  {
    // node1: 4000M·1/2 = 2000M ≥ 2·1000M → 100; node2: 10M·1/2 < 23M → 0
    name: "if exceed limit, use limit",
    pod: withImages(["gcr.io/10", "gcr.io/4000"]),
    nodes: [imageNode("node1", node400030), imageNode("node2", node25010)],
    scores: [100, 0],
  },
  {
    // node1: ⌊4000M·1/3⌋ = 1398101333 bytes → ⌊100·(1398101333 − 23M)/(2000M − 23M)⌋ = 66; node2: 10M/3 → 0; node3 → 0
    name: "if exceed limit, use limit (with node which has no images present)",
    pod: withImages(["gcr.io/10", "gcr.io/4000"]),
    nodes: [imageNode("node1", node400030), imageNode("node2", node25010), imageNode("node3", [])],
    scores: [66, 0, 0],
  },
  {
    // 600 and 900 are on 2 of 3 nodes, 300 on 1. node1: 600M·2/3 + 900M·2/3 = 1000M → ⌊100·977/2977⌋ = 32;
    // node2: + 300M·1/3 = 1100M → ⌊100·1077/2977⌋ = 36; node3 → 0
    name: "pod with multiple large images, node2 is preferred",
    pod: withImages(["gcr.io/300", "gcr.io/600", "gcr.io/900"]),
    nodes: [imageNode("node1", node60040900), imageNode("node2", node300600900), imageNode("node3", [])],
    scores: [32, 36, 0],
  },
  {
    // 30 on both nodes (spread 1), 40 on node1 only. node1: 30M + 20M = 50M → ⌊100·27/1977⌋ = 1; node2: 30M → ⌊700/1977⌋ = 0
    name: "pod with multiple small images",
    pod: withImages(["gcr.io/30", "gcr.io/40"]),
    nodes: [imageNode("node1", node203040), imageNode("node2", node400030)],
    scores: [1, 0],
  },
  {
    // init container images count, and so does the init container: n = 2. node1: 300M·1/2 = 150M → ⌊100·127/1977⌋ = 6;
    // node2: 30M·1/2 = 15M < 23M → 0
    name: "include InitContainers: two images spread on two nodes, prefer the larger image one",
    pod: withImages(["gcr.io/30"], ["gcr.io/300"]),
    nodes: [imageNode("node1", node403002000), imageNode("node2", node203040)],
    scores: [6, 0],
  },
]

const onlyImageLocality: Profile = { ...defaultProfile, filters: [], weights: { ImageLocality: 1 } }

const scoresOf = (c: Case): ReadonlyArray<number> => {
  const p = readableScheduler(snapshot(c.nodes), { profile: onlyImageLocality }).schedule(c.pod, { explain: true })
  return c.nodes.map((n) => p.scores?.find((s) => s.node === n.name)?.plugins.ImageLocality ?? Number.NaN)
}

describe("ImageLocality: upstream TestImageLocalityPriority", () => {
  it.each(UPSTREAM.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(scoresOf(c)).toEqual(c.scores)
  })

  it("the highest score wins the placement", () => {
    const c = UPSTREAM[4] as Case
    expect(readableScheduler(snapshot(c.nodes), { profile: onlyImageLocality }).schedule(c.pod).node).toBe("node2")
  })

  it("has upstream's 7 cases", () => expect(UPSTREAM.length).toBe(7))
})

const digest = (content: string): string => `sha256:${createHash("sha256").update(content).digest("hex")}`

describe("ImageLocality: upstream TestNormalizedImageName", () => {
  it.each([
    ["add :latest postfix 1", "root", "root:latest"],
    ["add :latest postfix 2", "gcr.io:5000/root", "gcr.io:5000/root:latest"],
    ["keep it as is 1", "root:tag", "root:tag"],
    ["keep it as is 2", `root@${digest("root")}`, `root@${digest("root")}`],
  ])("%s", (_, input, output) => {
    expect(normalizedImageName(input)).toBe(output)
  })

  it("a registry port with a tag is kept; a registry port alone gets :latest", () => {
    expect(normalizedImageName("gcr.io:5000/root:v2")).toBe("gcr.io:5000/root:v2")
    expect(normalizedImageName("localhost:5000/a/b")).toBe("localhost:5000/a/b:latest")
  })
})

describe("ImageLocality kernels", () => {
  it("calculatePriority clamps to [23 MiB, n·1000 MiB] and divides in integers", () => {
    expect(imageLocalityScore(0, 1)).toBe(0)
    expect(imageLocalityScore(23 * mb, 1)).toBe(0)
    // 100·(24 − 23)Mi / (1000 − 23)Mi = 100/977 → 0; 100·(33 − 23)/977 = 1000/977 → 1
    expect(imageLocalityScore(24 * mb, 1)).toBe(0)
    expect(imageLocalityScore(33 * mb, 1)).toBe(1)
    expect(imageLocalityScore(1000 * mb, 1)).toBe(100)
    expect(imageLocalityScore(5000 * mb, 3)).toBe(100)
    // 100·(1000 − 23)/(3000 − 23) = 97700/2977 = 32.8 → 32
    expect(imageLocalityScore(1000 * mb, 3)).toBe(32)
  })

  it("no containers: Go's clamp and truncating division on a negative divisor", () => {
    // max = 0: a sum below 23 MiB is raised to 23 MiB → 0/(−23 MiB) = 0; a sum above 0 is lowered to 0 → (−23)/(−23)·100 = 100
    expect(imageLocalityScore(0, 0)).toBe(0)
    expect(Object.is(imageLocalityScore(0, 0), -0)).toBe(false)
    expect(imageLocalityScore(50 * mb, 0)).toBe(100)
  })

  it("v1.35: an image volume adds to the sum but not to the container count (kubernetes#138952)", () => {
    const nodes = [imageNode("node1", node403002000), imageNode("node2", node203040)]
    // n = 1 (one container, gcr.io/30 not on node1); volume gcr.io/300 on 1 of 2 nodes: 150M → ⌊100·127/977⌋ = 12
    // (the same image in an init container scores 6: n = 2 there). node2: 30M·1/2 = 15M < 23M → 0
    const withVolume = pod("d/p", {}, { images: ["gcr.io/30"], imageVolumes: ["gcr.io/300"] })
    const p = readableScheduler(snapshot(nodes), { profile: onlyImageLocality }).schedule(withVolume, { explain: true })
    expect(p.scores?.map((s) => [s.node, s.plugins.ImageLocality])).toEqual([
      ["node1", 12],
      ["node2", 0],
    ])
  })

  it("scaledImageScore computes the spread first, then truncates the product", () => {
    // 100 · (1/3) = 33.33… → 33; 3 · (2/3) = 2 exactly in doubles → 2
    expect(scaledImageScore(100, 1, 3)).toBe(33)
    expect(scaledImageScore(3, 2, 3)).toBe(2)
    expect(scaledImageScore(4000 * mb, 1, 3)).toBe(1398101333)
    // Go: float64(90) · (7.0/10.0) = 62.99999999999999 → 62 (multiplying first would give 630/10 = 63)
    expect(scaledImageScore(90, 7, 10)).toBe(62)
  })

  it("imageStates: a name listed twice on one node counts once; the size is the first node's", () => {
    const states = imageStates([
      imageNode("a", [img(40, "x:v1", "x:v1")]),
      imageNode("b", [img(50, "x:v1"), img(10, "y:latest")]),
      imageNode("c", []),
    ])
    expect(states.get("x:v1")).toEqual({ size: 40 * mb, numNodes: 2 })
    expect(states.get("y:latest")).toEqual({ size: 10 * mb, numNodes: 1 })
    expect(states.has("x")).toBe(false)
  })

  it("the same image in two containers counts twice; n counts both containers", () => {
    const nodes = [imageNode("a", [img(600, "big:latest")]), imageNode("b", [])]
    const states = imageStates(nodes)
    // each container: 600M·1/2 = 300M; sum 600M for n = 2 → ⌊100·577/1977⌋ = 29
    const sum = sumImageScores(["big", "big"], nodes[0] as SchedulingNode, states, 2)
    expect(sum).toBe(600 * mb)
    expect(imageLocalityScore(sum, 2)).toBe(29)
    expect(scoresOf({ name: "dup", pod: withImages(["big", "big"]), nodes, scores: [] })).toEqual([29, 0])
  })

  it("images match by exact name after normalising the pod's side only", () => {
    const nodes = [imageNode("a", [img(900, "docker.io/library/nginx:latest", `nginx@${digest("n")}`)])]
    const states = imageStates(nodes)
    const a = nodes[0] as SchedulingNode
    // "nginx" → "nginx:latest" is not "docker.io/library/nginx:latest" (upstream's known gap)
    expect(sumImageScores(["nginx"], a, states, 1)).toBe(0)
    expect(sumImageScores(["docker.io/library/nginx"], a, states, 1)).toBe(900 * mb)
    expect(sumImageScores([`nginx@${digest("n")}`], a, states, 1)).toBe(900 * mb)
  })

  it("an image everywhere is worth its full size; on one node of four, a quarter", () => {
    const everywhere = ["a", "b", "c", "d"].map((n) => imageNode(n, [img(800, "app:1")]))
    const states = imageStates(everywhere)
    expect(sumImageScores(["app:1"], everywhere[0] as SchedulingNode, states, 4)).toBe(800 * mb)
    const once = [imageNode("a", [img(800, "app:1")]), ...["b", "c", "d"].map((n) => imageNode(n, []))]
    expect(sumImageScores(["app:1"], once[0] as SchedulingNode, imageStates(once), 4)).toBe(200 * mb)
  })

  it("a pod without images scores 0 on every node", () => {
    const c: Case = { name: "none", pod: pod("d/p", {}), nodes: [imageNode("a", node403002000)], scores: [0] }
    expect(scoresOf(c)).toEqual([0])
  })

  it("in the default profile ImageLocality's weight 1 adds its score to the total", () => {
    const nodes = [imageNode("node1", node403002000), imageNode("node2", node25010)]
    const p = readableScheduler(snapshot(nodes)).schedule(withImages(["gcr.io/40", "gcr.io/300"]), { explain: true })
    const node1 = p.scores?.find((s) => s.node === "node1")
    expect(node1?.plugins.ImageLocality).toBe(7)
  })
})
