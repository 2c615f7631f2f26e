/**
 * Plugin NodeResourcesBalancedAllocation, score part (Kubernetes v1.35): favours nodes whose
 * requested fractions of the configured resources (actual requests, pod included, each clamped to
 * 1) are close to each other. PreScore skips a pod that requests 0 of every configured resource.
 *
 * @since 0.1.0
 */
import { proceed, type ScorePlugin, skip } from "../framework/Plugin.ts"
import { podRequests } from "../model/Requests.ts"
import type { ResourceAmounts } from "../model/Resources.ts"
import type { Profile, WeightedResource } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { allocatableAndRequested } from "./NodeResourcesFit.ts"
import { MAX_NODE_SCORE } from "./Normalize.ts"

/**
 * BalancedAllocation over fractions already clamped to ≤ 1: |f₀ − f₁|/2 for two, population
 * standard deviation for more, 0 for fewer; score = trunc((1 − σ)·100). Same float operations in
 * the same order as v1.35's `balancedResourceScorer`.
 *
 * @since 0.1.0
 * @category scorers
 */
export const balancedScore = (fractions: ArrayLike<number>, count: number, total: number): number => {
  let std = 0
  if (count === 2) std = Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2)
  else if (count > 2) {
    const mean = total / count
    let sum = 0
    for (let i = 0; i < count; i++) {
      const d = (fractions[i] as number) - mean
      sum = sum + d * d
    }
    std = Math.sqrt(sum / count)
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

/** BalancedAllocation skips a pod that requests 0 of every configured resource. @since 0.1.0 @category predicates */
export const balancedSkips = (resources: ReadonlyArray<WeightedResource>, request: ResourceAmounts): boolean =>
  resources.every((r) => (request[r.name] ?? 0) === 0)

/** NodeResourcesBalancedAllocation's score (actual requests). @since 0.1.0 @category scorers */
export const balancedAllocationScore = (profile: Profile, request: ResourceAmounts, state: NodeState): number => {
  const fractions: number[] = []
  let total = 0
  for (const { name } of profile.balancedResources) {
    const [alloc, req] = allocatableAndRequested(name, request[name] ?? 0, state, true)
    if (alloc === 0) continue
    const f = Math.min(req / alloc, 1)
    fractions.push(f)
    total += f
  }
  return balancedScore(fractions, fractions.length, total)
}

/**
 * NodeResourcesBalancedAllocation at PreScore (skips a pod requesting none of the resources) and
 * Score.
 *
 * @since 0.1.0
 * @category plugins
 */
export const balancedAllocationScorePlugin = (profile: Profile): ScorePlugin<ResourceAmounts> => ({
  name: "NodeResourcesBalancedAllocation",
  preScore: (pod) => {
    const request = podRequests(pod)
    return balancedSkips(profile.balancedResources, request) ? skip : proceed(request)
  },
  score: (pod, node, request) => balancedAllocationScore(profile, request ?? podRequests(pod), node),
})
