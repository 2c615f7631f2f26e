/**
 * Plugin VolumeZone (Kubernetes v1.35): not modelled yet — skipped at every extension point.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, skip } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"
import { success } from "./Status.ts"

/** VolumeZone at PreFilter and Filter. @since 0.1.0 @category plugins */
export const volumeZoneFilterPlugin = (_profile: Profile): FilterPlugin => ({ name: "VolumeZone", preFilter: () => skip, filter: () => success })
