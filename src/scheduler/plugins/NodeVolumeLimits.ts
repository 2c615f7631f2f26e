/**
 * Plugin NodeVolumeLimits (Kubernetes v1.35): not modelled yet — skipped at every extension point.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, skip } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"
import { success } from "./Status.ts"

/** NodeVolumeLimits at PreFilter and Filter. @since 0.1.0 @category plugins */
export const nodeVolumeLimitsFilterPlugin = (_profile: Profile): FilterPlugin => ({ name: "NodeVolumeLimits", preFilter: () => skip, filter: () => success })
