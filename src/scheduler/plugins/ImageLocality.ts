/**
 * Plugin ImageLocality (Kubernetes v1.35, Score only, no NormalizeScore): favours nodes that
 * already hold the pod's images, in proportion to their size and to how widely they have spread.
 *
 * For a pod with n containers (init containers included, sidecar or not) and a node:
 * - every container image, normalised (`:latest` appended when the name has no tag), that the node
 *   lists in `status.images` adds `⌊size · (numNodes / totalNodes)⌋`, where numNodes is how many
 *   nodes list that name and totalNodes the number of nodes in the cluster (the spread factor keeps
 *   pods from piling onto the few nodes that hold a large image);
 * - the sum s is clamped to [23 MiB, n · 1000 MiB] and the score is
 *   `⌊100 · (s − 23 MiB) / (n · 1000 MiB − 23 MiB)⌋`.
 *
 * Image volumes (`volumes[].image.reference`) add their scaled sizes to the sum but, in v1.35, not
 * to n: upstream counts only containers there (kubernetes#138952, fixed after v1.35).
 *
 * `SchedulingPod.images` lists one image per container, init containers included, duplicates
 * kept, so its length is upstream's container count. As in the scheduler cache, an image name's
 * size is the one reported by the first node (in node order) that lists it, and node image names
 * are compared as written (only the pod's side is normalised).
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import type { ScorePlugin } from "../framework/Plugin.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { Profile } from "../profile/Profile.ts"
import { MAX_NODE_SCORE } from "./Normalize.ts"
import { intDiv } from "./ResourceScore.ts"

/** One mebibyte, upstream's `mb`. @since 0.1.0 @category constants */
export const MEBIBYTE = 1024 * 1024

/** Below this sum of scaled image sizes the score is 0 (23 MiB). @since 0.1.0 @category constants */
export const IMAGE_MIN_THRESHOLD = 23 * MEBIBYTE

/** Per container, the sum of scaled sizes at which the score reaches 100 (1000 MiB). @since 0.1.0 @category constants */
export const IMAGE_MAX_CONTAINER_THRESHOLD = 1000 * MEBIBYTE

/**
 * `normalizedImageName`: a name without a tag after its last `/` gets `:latest`; tagged names
 * and digests (`name@sha256:…`) are unchanged.
 *
 * @example
 * import { normalizedImageName } from "catcluster/scheduler"
 * normalizedImageName("gcr.io:5000/root") // "gcr.io:5000/root:latest"
 *
 * @since 0.1.0
 * @category destructors
 */
export const normalizedImageName = (name: string): string => (name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name)

/**
 * What the scheduler knows of one image name across the cluster (upstream's
 * `ImageStateSummary`): its size in bytes and how many nodes list it.
 *
 * @since 0.1.0
 * @category model
 */
export interface ImageStateSummary {
  readonly size: number
  readonly numNodes: number
}

/**
 * The image states of a cluster, by image name as the nodes report it: the size from the first
 * node listing the name, and the number of distinct nodes listing it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const imageStates = (nodes: ReadonlyArray<SchedulingNode>): ReadonlyMap<string, ImageStateSummary> => {
  const out = new Map<string, { size: number; numNodes: number }>()
  for (const n of nodes) {
    const seen = new Set<string>()
    for (const image of n.images ?? []) {
      for (const name of image.names) {
        if (seen.has(name)) continue
        seen.add(name)
        const state = out.get(name)
        if (state === undefined) out.set(name, { size: image.sizeBytes, numNodes: 1 })
        else state.numNodes++
      }
    }
  }
  return out
}

/**
 * `scaledImageScore`: the image's size times its spread (the share of nodes holding it),
 * truncated; the share is computed first, in floating point, as upstream does.
 *
 * @since 0.1.0
 * @category scorers
 */
export const scaledImageScore = (size: number, numNodes: number, totalNumNodes: number): number => Math.trunc(size * (numNodes / totalNumNodes))

/**
 * `calculatePriority`: the score 0..100 from the sum of scaled image sizes on a node and the
 * pod's container count (init containers included), in integer arithmetic.
 *
 * @example
 * import { imageLocalityScore, MEBIBYTE } from "catcluster/scheduler"
 * imageLocalityScore(125 * MEBIBYTE, 2) // ⌊100 · (125 − 23) / (2000 − 23)⌋ = 5
 *
 * @since 0.1.0
 * @category scorers
 */
export const imageLocalityScore = (sumScores: number, numContainers: number): number => {
  const maxThreshold = IMAGE_MAX_CONTAINER_THRESHOLD * numContainers
  const clamped = sumScores < IMAGE_MIN_THRESHOLD ? IMAGE_MIN_THRESHOLD : sumScores > maxThreshold ? maxThreshold : sumScores
  const dividend = MAX_NODE_SCORE * (clamped - IMAGE_MIN_THRESHOLD)
  const divisor = maxThreshold - IMAGE_MIN_THRESHOLD
  // Without containers the divisor is negative (and the clamp leaves 0 or −100·23 MiB): Go's
  // division truncates toward zero, so divide the magnitudes and restore the sign.
  const q = intDiv(Math.abs(dividend), Math.abs(divisor))
  return q !== 0 && dividend < 0 !== divisor < 0 ? -q : q
}

/**
 * `sumImageScores`: the scaled sizes of the pod's images (normalised) that the node lists, one
 * term per container image or image volume.
 *
 * @since 0.1.0
 * @category scorers
 */
export const sumImageScores = (
  images: ReadonlyArray<string>,
  node: SchedulingNode,
  states: ReadonlyMap<string, ImageStateSummary>,
  totalNumNodes: number,
): number => {
  if (images.length === 0 || node.images === undefined || node.images.length === 0) return 0
  const held = new Set(node.images.flatMap((i) => i.names))
  let sum = 0
  for (const image of images) {
    const name = normalizedImageName(image)
    const state = states.get(name)
    if (state !== undefined && held.has(name)) sum += scaledImageScore(state.size, state.numNodes, totalNumNodes)
  }
  return sum
}

// The image states depend only on the nodes: computed once per scheduling cycle (one view per cycle).
const statesByView = new WeakMap<ClusterView, ReadonlyMap<string, ImageStateSummary>>()
const statesOf = (view: ClusterView): ReadonlyMap<string, ImageStateSummary> => {
  let states = statesByView.get(view)
  if (states === undefined) {
    states = imageStates(view.nodes.map((s) => s.node))
    statesByView.set(view, states)
  }
  return states
}

/**
 * ImageLocality at Score: the spread-scaled image sizes the node already holds, as a 0..100 score.
 *
 * @since 0.1.0
 * @category plugins
 */
export const imageLocalityScorePlugin = (_profile: Profile): ScorePlugin => ({
  name: "ImageLocality",
  score: (pod, node, _state, cluster) => {
    const images = pod.images ?? []
    const volumes = pod.imageVolumes ?? []
    if (images.length === 0 && volumes.length === 0) return 0
    const sum = sumImageScores([...images, ...volumes], node.node, statesOf(cluster), cluster.nodes.length)
    return imageLocalityScore(sum, images.length)
  },
})
