/**
 * Plugin ImageLocality (Kubernetes v1.35): not modelled yet — scores every node 0, which is
 * upstream's score when no node holds the pod's images.
 *
 * @since 0.1.0
 */
import type { ScorePlugin } from "../framework/Plugin.ts"
import type { Profile } from "../profile/Profile.ts"

/** ImageLocality at Score. @since 0.1.0 @category plugins */
export const imageLocalityScorePlugin = (_profile: Profile): ScorePlugin => ({ name: "ImageLocality", score: () => 0 })
