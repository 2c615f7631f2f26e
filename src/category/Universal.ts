/**
 * Limits and colimits *with their universal arrows*, as data every category can return.
 *
 * A diagram D : J → 𝒞 is given by its objects and arrows (indices into `objects`).
 * A cone over D is an apex with one leg `apex → D j` per object j such that for every diagram
 * arrow d : i → j, `d ∘ leg_i = leg_j`. A limit is a cone through which every cone factors
 * uniquely: `mediate(c)` is the unique u : c.apex → apex with `leg_j ∘ u = c.leg_j` for all j.
 * Colimits are the dual (cocones, legs `D j → nadir`, u : nadir → c.nadir).
 *
 * The universal property is a law (checked by `src/laws`), never assumed.
 *
 * @since 0.1.0
 */

/** An arrow of a diagram, from object index `from` to object index `to`. @since 0.1.0 @category model */
export interface DiagramArrow<A> {
  readonly from: number
  readonly to: number
  readonly arrow: A
}

/** A diagram in a category: objects and arrows between them (by index). @since 0.1.0 @category model */
export interface Diagram<O, A> {
  readonly objects: ReadonlyArray<O>
  readonly arrows: ReadonlyArray<DiagramArrow<A>>
}

/** A cone: `legs[j] : apex → objects[j]`. @since 0.1.0 @category model */
export interface Cone<O, A> {
  readonly apex: O
  readonly legs: ReadonlyArray<A>
}

/** A cocone: `legs[j] : objects[j] → nadir`. @since 0.1.0 @category model */
export interface Cocone<O, A> {
  readonly nadir: O
  readonly legs: ReadonlyArray<A>
}

/** A limit cone with the function computing the unique mediating arrow. @since 0.1.0 @category model */
export interface Limit<O, A> extends Cone<O, A> {
  readonly diagram: Diagram<O, A>
  /** The unique `u : cone.apex → apex` with `legs[j] ∘ u = cone.legs[j]`. */
  readonly mediate: (cone: Cone<O, A>) => A
}

/** A colimit cocone with the function computing the unique mediating arrow. @since 0.1.0 @category model */
export interface Colimit<O, A> extends Cocone<O, A> {
  readonly diagram: Diagram<O, A>
  /** The unique `u : nadir → cocone.nadir` with `u ∘ legs[j] = cocone.legs[j]`. */
  readonly mediate: (cocone: Cocone<O, A>) => A
}
