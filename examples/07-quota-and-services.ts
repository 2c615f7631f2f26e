/**
 * # 07 · Quota and services
 *
 * Two pieces of a cluster's plumbing that the seed describes algebraically:
 *
 * 1. **Service discovery is a monoid.** A Service's backends come in EndpointSlices; merging
 *    slices is a union by endpoint key, with ∅ as unit. catcluster checks the monoid laws —
 *    exhaustively on a small universe — instead of assuming them, and shows a plausible broken
 *    merge failing.
 * 2. **Load balancers have a distribution.** kube-proxy's iptables rules pick backend i with
 *    probability 1/(n − i), which makes the chain uniform. A chi-square test at a fixed seed
 *    accepts the real chain and rejects a buggy one that uses 1/n for every rule.
 * 3. **A request is `discover ≫= balance`** in a Service monad (Reader × State × hop count).
 * 4. **Quota admission** is used + requested ≤ hard, per resource. Kubernetes refuses with
 *    403 Forbidden ("exceeded quota"), not the seed's 429; the invariant □(used ≤ hard) is
 *    checked on random request sequences, and a buggy admission is caught with a shrunk
 *    counterexample.
 */
import * as E from "fp-ts/lib/Either.js"
import {
  averagingMonoid,
  balancerTests,
  containerInstance,
  endpoint,
  endpointMonoidVerdicts,
  endpointSet,
  mergeEndpoints,
  request,
  showEndpointSet,
  vmInstance,
} from "catcluster/domain/services"
import { admit, admitBeforeAdding, checkQuotaInvariants, quotaReadings, showRejection } from "catcluster/domain/quota"
import { failures, holds, runConfig } from "catcluster/laws"

// ── 1. Two EndpointSlices of one Service, merged ──────────────────────────────────────────
const sliceA = endpointSet([endpoint("10.244.1.5", 8080), endpoint("10.244.2.7", 8080, { ready: false })])
const sliceB = endpointSet([endpoint("10.244.2.7", 8080, { ready: true, migrationPenalty: 1 })])
console.log(`merged: ${showEndpointSet(mergeEndpoints(sliceA, sliceB))}`)
//> merged: {10.244.1.5:8080/TCP✓0, 10.244.2.7:8080/TCP✓1}

// The laws, proved on every triple of a 25-set universe and sampled on large sets.
const lawful = endpointMonoidVerdicts()
console.log(`monoid laws: ${holds(lawful.exhaustive) && holds(lawful.sampled) ? "hold" : "fail"}`)
//> monoid laws: hold

// A merge that averages the penalties of a duplicated endpoint is not associative.
const broken = failures(endpointMonoidVerdicts(averagingMonoid).exhaustive)[0]
console.log(`averaging merge: ${broken?.law} fails`)
//> averaging merge: semigroup.associativity fails
console.log(`  counterexample: ${broken?.counterexample.input}`)

// ── 2. Balancers under a chi-square test (seed fixed, 20 000 requests, α = 0.001) ─────────
for (const t of balancerTests()) {
  console.log(`${t.balancer.padEnd(26)} X² = ${t.statistic.toFixed(1).padStart(7)}  p = ${t.pValue.toExponential(2)}  ${t.rejected ? "REJECTED" : "fits"}`)
}
//> kube-proxy chain 1/(n−i)
//> fits
//> buggy chain 1/n
//> REJECTED

// ── 3. discover ≫= balance ─────────────────────────────────────────────────────────────────
const view = { endpoints: mergeEndpoints(sliceA, sliceB) }
const viaPod = request(containerInstance)(view, 0)
const viaVm = request(vmInstance)(view, 0)
console.log(`container: ${viaPod.value?.address} in ${viaPod.hops} hop; VM: ${viaVm.value?.address} in ${viaVm.hops} hops`)
//> container: 10.244.1.5 in 1 hop; VM: 10.244.1.5 in 3 hops
// Both counts are constants, whatever the number of backends: the seed's "O(3)" is O(1).

// ── 4. Quota admission ───────────────────────────────────────────────────────────────────
const quota = { hard: { "requests.cpu": 4000n, "requests.memory": 8n << 30n }, used: { "requests.cpu": 3500n, "requests.memory": 2n << 30n } }
const vmiLauncher = { name: "virt-launcher-fedora", kind: "VMI" as const, requests: { "requests.cpu": 1000n, "requests.memory": 2n << 30n }, priority: 0 }
const decision = admit()(quota, vmiLauncher)
console.log(E.isLeft(decision) ? showRejection(decision.left) : "admitted")
//> 403 Forbidden: virt-launcher-fedora: exceeded quota: requests.cpu, requested: 1000, used: 3500, limited: 4000

// □(used ≤ hard) on random create/delete sequences: Kubernetes' rule keeps it ...
const hard = { "requests.cpu": 1000n }
const ok = checkQuotaInvariants(admit(), hard, hard, runConfig(200))
console.log(`kubernetes admission: invariant ${ok._tag === "Holds" ? `holds on ${ok.runs} sequences (seed ${ok.seed})` : "fails"}`)
//> kubernetes admission: invariant holds on

// ... an admission that checks the usage *before* adding the request does not; fast-check
// shrinks the failing sequence to a single oversized request.
const bad = checkQuotaInvariants(admitBeforeAdding, hard, hard, runConfig(200))
if (bad._tag === "Fails") {
  console.log(`buggy admission: ${bad.violation.invariant} broken at step ${bad.violation.step}: ${bad.violation.value} > ${bad.violation.bound} after ${bad.counterexample.length} event(s)`)
}
//> buggy admission: used ≤ hard broken at step 0: 1001 > 1000 after 1 event(s)

// ── 5. "ResourceQuota is a coequalizer" ─────────────────────────────────────────────────
// The coequalizer of the two sums identifies the Pod total with the VMI total; a quota needs
// their sum, which is the fold over the coproduct Pods ⊔ VMIs.
const readings = quotaReadings([500, 250], [1100])
console.log(`coequalizer merges ${readings.podTotal} and ${readings.vmiTotal}: ${readings.totalsIdentified}; coproduct fold: ${readings.foldedTotal}`)
//> coequalizer merges 750 and 1100: true; coproduct fold: 1850
