/**
 * Plugin VolumeBinding (Kubernetes v1.35): not modelled yet — skipped at every extension point.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, skip } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"
import { success } from "./Status.ts"

/** VolumeBinding at PreFilter and Filter. @since 0.1.0 @category plugins */
export const volumeBindingFilterPlugin = (_profile: Profile): FilterPlugin => ({ name: "VolumeBinding", preFilter: () => skip, filter: () => success })
