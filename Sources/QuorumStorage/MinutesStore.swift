public import Foundation
public import QuorumDomain

/// Minutes written in Quorum: a working copy democratic services edit, published into the public record as draft
/// minutes, and approved when a later meeting confirms them.
public protocol MinutesStore: Sendable {
    /// A meeting's minutes as democratic services are writing them: the working copy, or, where there is none, the
    /// minutes as the public record holds them. `nil` for an unknown meeting.
    func minutes(of meeting: Meeting.ID) async throws -> Minutes?
    /// The number the meeting's first minute takes: one after the committee's last minute earlier in the same municipal
    /// year (the council's annual meeting starts the year), or 1. `nil` for an unknown meeting.
    func firstMinuteNumber(of meeting: Meeting.ID) async throws -> Int?
    /// Changes a meeting's working minutes as `change` says, in one transaction, audited with the minutes before and
    /// after. The public sees nothing of it until it is published, except that a published minute made exempt is
    /// withheld at once. Throws `.notFound` for an unknown meeting, `.invalid` for one cancelled or whose minutes are
    /// approved; if `change` throws, nothing is written.
    @discardableResult
    func updateMinutes(_ meeting: Meeting.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout Minutes) throws -> Void) async throws -> Minutes
    /// Publishes the working minutes as the meeting's draft minutes, in one transaction: its attendance, declarations and
    /// minutes replace what the public record held (each change audited), the people they name are added, the meeting
    /// becomes held (ended at the minuted time), resolutions marked as recommendations enter the tracker (one already
    /// there is left as it is), and the minutes of the meeting they approve become approved. `check` sees the working
    /// minutes first and may refuse. Throws `.invalid` before the meeting's day (`today`), for a cancelled meeting or
    /// approved minutes, for minutes with no minute in them, or to make open a minute published as exempt.
    @discardableResult
    func publishMinutes(_ meeting: Meeting.ID, by actor: String, at: Date, today: CalendarDay, check: @escaping @Sendable (Minutes) throws -> Void) async throws -> Minutes
    /// The meeting at which a meeting's minutes were confirmed, where Quorum recorded it.
    func minutesApproval(of meeting: Meeting.ID) async throws -> Meeting.ID?
}
