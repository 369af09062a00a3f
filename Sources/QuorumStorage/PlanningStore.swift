public import Foundation
public import QuorumDomain

/// What the committee plans: its work programme, and the executive's forward plan it reads to choose topics.
public protocol PlanningStore: Sendable {
    /// A committee's whole work programme: every session and topic. `nil` for an unknown committee.
    func workProgramme(of committee: Committee.ID) async throws -> WorkProgramme?
    /// Changes a committee's work programme as `change` says, in one transaction: each session and topic added, changed
    /// or removed is written and audited with its record before and after, and the search index with it. Throws
    /// `.notFound` for an unknown committee; if `change` throws, nothing is written.
    @discardableResult
    func updateWorkProgramme(_ committee: Committee.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout WorkProgramme) throws -> Void) async throws
        -> WorkProgramme
    /// Changes a council's forward plan as `change` says, in one transaction: each entry added, changed or removed is
    /// written and audited with its record before and after; a topic that named a removed entry no longer does. Throws
    /// `.notFound` for an unknown council, `.invalid` for an entry of another council; if `change` throws, nothing is
    /// written.
    @discardableResult
    func updateForwardPlan(of authority: Authority.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout [ForwardPlanEntry]) throws -> Void)
        async throws -> [ForwardPlanEntry]
}
