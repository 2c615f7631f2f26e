/**
 * Plugin PodTopologySpread (Kubernetes v1.35): not modelled yet — skipped at every extension point.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, type ScorePlugin, skip } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"
import { success } from "./Status.ts"

/** PodTopologySpread at PreFilter and Filter. @since 0.1.0 @category plugins */
export const podTopologySpreadFilterPlugin = (_profile: Profile): FilterPlugin => ({ name: "PodTopologySpread", preFilter: () => skip, filter: () => success })

/** PodTopologySpread at PreScore and Score. @since 0.1.0 @category plugins */
export const podTopologySpreadScorePlugin = (_profile: Profile): ScorePlugin => ({ name: "PodTopologySpread", preScore: () => skip, score: () => 0 })
