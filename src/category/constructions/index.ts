/**
 * Categories built from others: thin categories of preorders, products 𝒞 × 𝒟 with projections,
 * coproducts 𝒞 ⊔ 𝒟 with injections, opposites 𝒞ᵒᵖ. Each is finite when its inputs are.
 * @since 0.1.0
 */
export * from "./thin.ts"
export * from "./product.ts"
export * from "./coproduct.ts"
export * from "./opposite.ts"
