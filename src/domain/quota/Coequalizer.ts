import { coequalizer, coproducts, finFunction, finSet, type FinFunction } from "../../category/finset/index.ts"

/**
 * S9.5 reads ResourceQuota as `Coeq(Σ_Pods rᵢ, Σ_VMIs rⱼ) → TotalQuota`. In FinSet (amounts
 * 0 … K as a finite set, each sum a point 1 → {0…K}) the coequalizer of the two sums identifies
 * the Pod total with the VMI total — it forgets the very number a quota needs. What a quota does
 * is the coproduct: the requests of Pods ⊔ VMIs, copaired into amounts by [r_Pod, r_VMI] (the
 * unique arrow the universal property gives), then folded by +.
 *
 * @since 0.1.0
 */

/** The two readings on one namespace's requests. @since 0.1.0 @category model */
export interface QuotaReadings {
  readonly podTotal: number
  readonly vmiTotal: number
  /** Classes of the coequalizer of the two points 1 → {0…K}: K + 1 − (totals differ ? 1 : 0). */
  readonly coequalizerClasses: number
  /** Whether the coequalizer's quotient sends the Pod total and the VMI total to the same class. */
  readonly totalsIdentified: boolean
  /** The size of Pods ⊔ VMIs (each request once). */
  readonly coproductSize: number
  /** Σ over the coproduct through the copairing: the usage ResourceQuota records. */
  readonly foldedTotal: number
  /** Whether the copairing is the unique mediating arrow: u ∘ ιₚ = r_Pod and u ∘ ι_V = r_VMI. */
  readonly copairingUniversal: boolean
  /**
   * With a hard limit: whether the decision "amount ≤ hard" on {0…K} factors through the
   * coequalizer — by its universal property exactly when it treats both totals alike.
   */
  readonly decisionFactors?: boolean
}

/**
 * Both readings for given Pod and VMI requests (non-negative integers, in any one unit).
 *
 * @example
 * import { quotaReadings } from "catcluster/domain/quota"
 * quotaReadings([1, 2], [5]).totalsIdentified // true: the coequalizer merges 3 and 5
 *
 * @since 0.1.0
 * @category quota
 */
export const quotaReadings = (pods: ReadonlyArray<number>, vmis: ReadonlyArray<number>, hard?: number): QuotaReadings => {
  const podTotal = pods.reduce((s, x) => s + x, 0)
  const vmiTotal = vmis.reduce((s, x) => s + x, 0)
  const amounts = finSet(podTotal + vmiTotal + 1)
  const point = finSet(1)
  const co = coequalizer(finFunction(point, amounts, [podTotal]), finFunction(point, amounts, [vmiTotal]))
  const q = co.legs[1] as FinFunction
  const sum = coproducts([finSet(pods.length), finSet(vmis.length)])
  const rPod = finFunction(finSet(pods.length), amounts, pods, "pods")
  const rVmi = finFunction(finSet(vmis.length), amounts, vmis, "vmis")
  const u = sum.mediate({ nadir: amounts, legs: [rPod, rVmi] })
  let folded = 0
  for (let i = 0; i < u.map.length; i++) folded += u.map[i] as number
  const [inPod, inVmi] = sum.legs as [FinFunction, FinFunction]
  const agrees = (leg: FinFunction, r: FinFunction): boolean => {
    for (let i = 0; i < leg.dom.size; i++) if (u.map[leg.map[i] as number] !== r.map[i]) return false
    return true
  }
  // A map out of {0…K} factors through the coequalizer iff it equalizes the two points.
  const decisionFactors = hard === undefined ? undefined : (podTotal <= hard) === (vmiTotal <= hard)
  return {
    ...(decisionFactors === undefined ? {} : { decisionFactors }),
    podTotal,
    vmiTotal,
    coequalizerClasses: co.nadir.size,
    totalsIdentified: q.map[podTotal] === q.map[vmiTotal],
    coproductSize: sum.nadir.size,
    foldedTotal: folded,
    copairingUniversal: agrees(inPod, rPod) && agrees(inVmi, rVmi),
  }
}
