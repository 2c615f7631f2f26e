import type { ClaimCheck } from "../claims/Claim.ts"
import { claims as finiteSets } from "../category/finset/claims.ts"
import { claims as decisions } from "../decisions/claims.ts"
import { claims as domain } from "../domain/claims/index.ts"
import { claims as controlPlane } from "../domain/controlplane/claims.ts"
import { claims as density } from "../domain/density/claims.ts"
import { claims as network } from "../domain/network/claims.ts"
import { claims as quota } from "../domain/quota/claims.ts"
import { claims as services } from "../domain/services/claims.ts"
import { claims as storage } from "../domain/storage/claims.ts"
import { claims as manifests } from "../domain/manifest/claims.ts"
import { claims as resources } from "../domain/resources/claims.ts"
import { claims as autoscaling } from "../dynamics/autoscaling/claims.ts"
import { claims as dynamics } from "../dynamics/claims.ts"
import { claims as scheduler } from "../scheduler/claims.ts"
import { claims as verification } from "../verification/claims.ts"

/**
 * Every claim check the layers export. The ledger runs exactly these; an ID no check covers
 * shows up as missing, never as a hand-written verdict.
 *
 * @since 0.1.0
 * @category constants
 */
export const allClaims: ReadonlyArray<ClaimCheck> = [
  ...domain,
  ...resources,
  ...manifests,
  ...density,
  ...network,
  ...services,
  ...storage,
  ...quota,
  ...finiteSets,
  ...controlPlane,
  ...dynamics,
  ...autoscaling,
  ...scheduler,
  ...verification,
  ...decisions,
]
