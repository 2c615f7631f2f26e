import type { ClaimCheck } from "../../claims/Claim.ts"
import { s1Claims } from "./s1.ts"
import { s2Claims } from "./s2.ts"
import { s3Claims } from "./s3.ts"

/**
 * The computed checks of SPEC S1 (base category), S2 (resource and workload types) and S3
 * (runtime state machines).
 *
 * @since 0.1.0
 */

/** Every claim check of S1–S3. @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [...s1Claims, ...s2Claims, ...s3Claims]

export { s1Claims, squareSides } from "./s1.ts"
export { s2Claims } from "./s2.ts"
export { checkS3_5, s3Claims, seedEta } from "./s3.ts"
