/**
 * Plugin InterPodAffinity (Kubernetes v1.35): not modelled yet — skipped at every extension point.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, type ScorePlugin, skip } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"
import { success } from "./Status.ts"

/** InterPodAffinity at PreFilter and Filter. @since 0.1.0 @category plugins */
export const interPodAffinityFilterPlugin = (_profile: Profile): FilterPlugin => ({ name: "InterPodAffinity", preFilter: () => skip, filter: () => success })

/** InterPodAffinity at PreScore and Score. @since 0.1.0 @category plugins */
export const interPodAffinityScorePlugin = (_profile: Profile): ScorePlugin => ({ name: "InterPodAffinity", preScore: () => skip, score: () => 0 })
