/**
 * The readable σ's plugins by name: each built from the profile (which carries their args).
 *
 * @since 0.1.0
 */
import type { FilterPlugin, ScorePlugin } from "../framework/Plugin.ts"
import type { FilterPluginName, Profile, ScorePluginName } from "../profile/Profile.ts"
import { imageLocalityScorePlugin } from "../plugins/ImageLocality.ts"
import { interPodAffinityFilterPlugin, interPodAffinityScorePlugin } from "../plugins/InterPodAffinity.ts"
import { nodeAffinityFilterPlugin, nodeAffinityScorePlugin } from "../plugins/NodeAffinity.ts"
import { nodeNamePlugin } from "../plugins/NodeName.ts"
import { nodePortsFilterPlugin } from "../plugins/NodePorts.ts"
import { balancedAllocationScorePlugin } from "../plugins/NodeResourcesBalancedAllocation.ts"
import { nodeResourcesFitFilterPlugin, nodeResourcesFitScorePlugin } from "../plugins/NodeResourcesFit.ts"
import { nodeUnschedulablePlugin } from "../plugins/NodeUnschedulable.ts"
import { nodeVolumeLimitsFilterPlugin } from "../plugins/NodeVolumeLimits.ts"
import { numaFitPlugin } from "../plugins/NumaFit.ts"
import { podTopologySpreadFilterPlugin, podTopologySpreadScorePlugin } from "../plugins/PodTopologySpread.ts"
import { taintTolerationFilterPlugin, taintTolerationScorePlugin } from "../plugins/TaintToleration.ts"
import { vmCapabilitiesPlugin } from "../plugins/VmCapabilities.ts"
import { volumeBindingFilterPlugin } from "../plugins/VolumeBinding.ts"
import { volumeRestrictionsFilterPlugin } from "../plugins/VolumeRestrictions.ts"
import { volumeZoneFilterPlugin } from "../plugins/VolumeZone.ts"

// Each plugin has its own state type; the framework hands every plugin back its own state.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyState = any

const FILTERS: Readonly<Record<FilterPluginName, (profile: Profile) => FilterPlugin<AnyState>>> = {
  NodeUnschedulable: () => nodeUnschedulablePlugin,
  NodeName: () => nodeNamePlugin,
  TaintToleration: () => taintTolerationFilterPlugin,
  NodeAffinity: nodeAffinityFilterPlugin,
  NodePorts: nodePortsFilterPlugin,
  NodeResourcesFit: nodeResourcesFitFilterPlugin,
  VolumeRestrictions: volumeRestrictionsFilterPlugin,
  NodeVolumeLimits: nodeVolumeLimitsFilterPlugin,
  VolumeBinding: volumeBindingFilterPlugin,
  VolumeZone: volumeZoneFilterPlugin,
  PodTopologySpread: podTopologySpreadFilterPlugin,
  InterPodAffinity: interPodAffinityFilterPlugin,
  VmCapabilities: () => vmCapabilitiesPlugin,
  NumaFit: () => numaFitPlugin,
}

const SCORES: Readonly<Record<ScorePluginName, (profile: Profile) => ScorePlugin<AnyState>>> = {
  TaintToleration: () => taintTolerationScorePlugin,
  NodeAffinity: nodeAffinityScorePlugin,
  NodeResourcesFit: nodeResourcesFitScorePlugin,
  PodTopologySpread: podTopologySpreadScorePlugin,
  InterPodAffinity: interPodAffinityScorePlugin,
  NodeResourcesBalancedAllocation: balancedAllocationScorePlugin,
  ImageLocality: imageLocalityScorePlugin,
}

/**
 * The filter plugin `name` configured by `profile`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const filterPluginOf = (name: FilterPluginName, profile: Profile): FilterPlugin<unknown> =>
  FILTERS[name](profile)

/**
 * The score plugin `name` configured by `profile`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scorePluginOf = (name: ScorePluginName, profile: Profile): ScorePlugin<unknown> =>
  SCORES[name](profile)
