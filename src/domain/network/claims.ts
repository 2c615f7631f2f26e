import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { categoryLaws, holds, runSuite } from "../../laws/index.ts"
import { failingSquare, naturalityLaws } from "../../laws/naturality.ts"
import { FinSet, elementLabel } from "../../category/finset/index.ts"
import { BASELINE_GBPS, type Cell, capabilityTable, checkCapabilityTable, tableMismatches } from "./Capabilities.ts"
import { checkCoefficients, cniTable, multusSquare } from "./CniTable.ts"
import { exampleNatModel, natSquare, type NatModel } from "./NatSquare.ts"
import { hopsBetween, kubevirtNetwork, seedNetwork } from "./Topology.ts"

/**
 * Claims S6.1–S6.5 (network), computed.
 *
 * @since 0.1.0
 */

const showCell = (c: Cell): string =>
  c._tag === "Value" ? String(c.value) : c._tag === "AtLeast" ? `${c.value}+` : c._tag === "Range" ? `${c.min}–${c.max}` : `"${c.text}"`

/** The first socket where the two sides of a square differ: its label and both images. */
const firstDifference = (model: NatModel): { arrow: string; socket: string; viaPod: string; viaGuest: string } | undefined => {
  const { relays, vmNetwork, podNetwork, alpha } = natSquare(model)
  for (const x of relays.objects())
    for (const y of relays.objects())
      for (const f of relays.hom(x, y)) {
        const lhs = FinSet.compose(podNetwork.onArrows(f), alpha.component(x))
        const rhs = FinSet.compose(alpha.component(y), vmNetwork.onArrows(f))
        for (let i = 0; i < lhs.map.length; i++)
          if (lhs.map[i] !== rhs.map[i])
            return { arrow: relays.pathOf(f).join(";"), socket: elementLabel(lhs.dom, i), viaPod: elementLabel(lhs.cod, lhs.map[i] as number), viaGuest: elementLabel(rhs.cod, rhs.map[i] as number) }
      }
  return undefined
}

/**
 * S6.1: both layer graphs are (finite free) categories — laws checked exhaustively — and their
 * VM paths differ: the seed's VM traffic leaves by its own bridge, KubeVirt's through the
 * launcher pod's veth.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkNetworkCategory = (): ClaimResult => {
  const seedLaws = runSuite(categoryLaws(seedNetwork))
  const kvLaws = runSuite(categoryLaws(kubevirtNetwork))
  const seedVm = hopsBetween(seedNetwork, "VMNetwork", "PhysicalNIC")
  const kvVm = hopsBetween(kubevirtNetwork, "VMNetwork", "PhysicalNIC")
  const pod = hopsBetween(seedNetwork, "PodNetwork", "PhysicalNIC")
  const serviceToVmi = { seed: seedNetwork.hom(seedNetwork.objectId("Service"), seedNetwork.objectId("VMNetwork")).length, kubevirt: kubevirtNetwork.hom(kubevirtNetwork.objectId("Service"), kubevirtNetwork.objectId("VMNetwork")).length }
  const ok = holds(seedLaws) && holds(kvLaws)
  return {
    verdict: ok ? "modelled" : "fails",
    summary: `Layers form a category (laws hold exhaustively on ${seedNetwork.objects().length} objects); pod → NIC is ${pod?.length} hops, VM → NIC ${seedVm?.length} in the seed but ${kvVm?.length} in KubeVirt (${kvVm?.join(" ; ")}), and a Service reaches VMIs only through launcher pods (${serviceToVmi.kubevirt} direct paths).`,
    evidence: { podToNic: pod, seedVmToNic: seedVm, kubevirtVmToNic: kvVm, serviceToVmi, laws: { seed: seedLaws.laws, kubevirt: kvLaws.laws } },
  }
}

/**
 * S6.2: every table cell against its own mapping function.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkCapabilityFunctions = (): ClaimResult => {
  const all = checkCapabilityTable()
  const bad = tableMismatches()
  const unchecked = all.filter((c) => c.matches === undefined).map((c) => `${c.dimension}/${c.side}`)
  return {
    verdict: bad.length > 0 ? "inconsistent" : "holds",
    summary: `${all.filter((c) => c.matches === true).length} of ${all.length} cells match their function; mismatches: ${bad.map((c) => `${c.dimension}/${c.side} (table ${showCell(c.stated)}, function ${Number(c.computed?.toFixed(3))})`).join("; ")}; not a function of δ: ${unchecked.join(", ")}.`,
    evidence: { cells: all, mismatches: bad, unchecked, baselineGbps: BASELINE_GBPS, rows: capabilityTable.map((r) => ({ dimension: r.dimension, formula: r.formula })) },
  }
}

/**
 * S6.3: 1 − 7/9.5 = 26.3 % and 5 µs × 30 = 150 µs are right, but the stated cause, "3 more
 * user/kernel switches", makes 3 switches worth 150 µs (50 µs each) while part II prices one at
 * 5 µs with 30 of them; and S6.2's f_perf uses 30 %, not 26.3 %.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkThroughputLatency = (): ClaimResult => {
  const loss = 1 - 7.0 / 9.5
  const latencyGain = 200 - 50
  const partTwo = 5 * 30
  const perSwitchIfThree = latencyGain / 3
  const threeSwitchesAtFive = 3 * 5
  const lossMatches = Math.abs(loss - 0.263) < 0.0005
  const consistent = lossMatches && latencyGain === 150 && partTwo === 150 && perSwitchIfThree === 5
  return {
    verdict: consistent ? "holds" : "inconsistent",
    summary: `Loss 1 − 7/9.5 = ${(loss * 100).toFixed(1)} % and 5 µs × 30 = ${partTwo} µs = 200 − 50 hold; but 3 extra switches at 5 µs give ${threeSwitchesAtFive} µs (150 µs needs ${perSwitchIfThree} µs each, or 30 switches), and f_perf's factor 0.3 gives ${(BASELINE_GBPS * 0.7).toFixed(2)} Gbps, not 7.0.`,
    evidence: { loss, latencyGain, partTwo, perSwitchIfThree, threeSwitchesAtFive, fPerfFactor: 0.3, fPerfVm: BASELINE_GBPS * 0.7 },
  }
}

/**
 * S6.4: the masquerade α on the packet-path model: natural when every VMI forwards all ports
 * (KubeVirt's default), not natural when a VMI lists its ports — the failing square and port are
 * the evidence.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkNatNaturality = (): ClaimResult => {
  const open = runSuite(naturalityLaws(natSquare(exampleNatModel(false)).alpha))
  const restricted = runSuite(naturalityLaws(natSquare(exampleNatModel(true)).alpha))
  const square = failingSquare(restricted)
  const where = firstDifference(exampleNatModel(true))
  return {
    verdict: holds(open) && !holds(restricted) ? "fails" : holds(restricted) ? "holds" : "inconsistent",
    summary: holds(open) && square !== undefined && where !== undefined
      ? `α commutes on every relay path when each VMI forwards all ports (KubeVirt's default), but not in general: with the frontend forwarding only port 22, the square of ${where.arrow} : ${square.x} → ${square.y} sends ${where.socket} to ${where.viaPod} via α then the pod network, to ${where.viaGuest} via the guest network then α.`
      : "The NAT square's verdicts differ from the expected pattern; see evidence.",
    evidence: {
      allPortsForwarded: open.laws,
      portsListed: restricted.laws,
      failingSquare: square === undefined ? undefined : { arrow: square.arrow, x: square.x, y: square.y, viaTarget: square.viaTarget, viaSource: square.viaSource },
      difference: where,
      seedComposite: "virt-handler proxy ∘ QEMU user net ∘ tap: virt-handler does not carry data-plane traffic, and QEMU user networking (slirp) is no longer a KubeVirt binding; α is modelled as the masquerade binding",
    },
  }
}

/**
 * S6.5: the table as data; the coefficients the rows' own numbers determine (μ, ρ, α) checked —
 * inconsistent when one contradicts its row — the rest and the Multus/OVS square underdetermined
 * (no leg costs, no coefficient formula).
 *
 * @since 0.1.0
 * @category claims
 */
export const checkCniTable = (): ClaimResult => {
  const checks = checkCoefficients()
  const contradicted = checks.filter((c) => !c.matches)
  return {
    // The table contradicts itself where a coefficient disagrees with its own row's numbers;
    // everything else (the other coefficients, the square) lacks the numbers to check.
    verdict: contradicted.length > 0 ? "inconsistent" : "underdetermined",
    summary: `${cniTable.length} rows as data; derivable coefficients: ${checks.map((c) => `${c.symbol} = ${c.stated} vs ${c.from} = ${c.derived.toFixed(3)} ${c.matches ? "✓" : "✗"}`).join(", ")}; the other ${cniTable.length - checks.length} and the Multus/OVS square are underdetermined: missing ${multusSquare.missing.join("; ")}.`,
    evidence: { table: cniTable, coefficientChecks: checks, contradicted, underdetermined: cniTable.filter((r) => r.derived === undefined).map((r) => r.symbol), square: multusSquare },
  }
}

/**
 * The checks of S6.1–S6.5.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  { id: "S6.1", statement: "Category N of endpoints and connections; layers Pod→veth→host, VM→tap→bridge, → overlay → NIC; Service → EndpointSlice → Pods/VMIs.", source: "src/domain/network/claims.ts#checkNetworkCategory (seedNetwork, kubevirtNetwork, categoryLaws)", check: checkNetworkCategory },
  { id: "S6.2", statement: "Seven-dimension capability table with mapping functions of δ.", source: "src/domain/network/claims.ts#checkCapabilityFunctions (checkCapabilityTable)", check: checkCapabilityFunctions },
  { id: "S6.3", statement: "VM traffic loses 26.3% throughput and gains 150 µs (3 more switches); Δ_switching = 5 µs × n_hypervisor = 30.", source: "src/domain/network/claims.ts#checkThroughputLatency", check: checkThroughputLatency },
  { id: "S6.4", statement: "The NAT path α: VMNetwork → PodNetwork is natural (the VMI→VMI′ / Pod→Pod′ square commutes).", source: "src/domain/network/claims.ts#checkNatNaturality (natSquare, naturalityLaws)", check: checkNatNaturality },
  { id: "S6.5", statement: "Eleven-dimension CNI vs vSwitch table with coefficients α…σ; Multus∘CNI vs OVS∘vSwitch naturality square.", source: "src/domain/network/claims.ts#checkCniTable (checkCoefficients, multusSquare)", check: checkCniTable },
]
