public import Foundation
public import QuorumDomain

/// Improvement plans, their figures, and the indicators recommendations mean to move.
public protocol PlansStore: Sendable {
    /// Every plan, by title.
    func plans() async throws -> [ImprovementPlan]
    /// The plan whose identifier ends with `slug`.
    func plan(slug: String) async throws -> ImprovementPlan?
    /// Changes a plan as `change` says (a figure recorded, an indicator's settings, an action's progress), in one
    /// transaction, audited with the plan before and after. Throws `.notFound`; if `change` throws, nothing is written.
    @discardableResult
    func updatePlan(_ plan: ImprovementPlan.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout ImprovementPlan) throws -> Void) async throws
        -> ImprovementPlan
    /// The indicators a recommendation means to move, with their plans.
    func indicators(namedBy recommendation: Recommendation.ID) async throws -> [(plan: ImprovementPlan, indicator: Indicator)]
    /// Sets the indicators a recommendation means to move, audited. Throws `.notFound` for an unknown recommendation or
    /// indicator.
    func setIndicators(_ indicators: [Indicator.ID], for recommendation: Recommendation.ID, by actor: String, at: Date) async throws
}
