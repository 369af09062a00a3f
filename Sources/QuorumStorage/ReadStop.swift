import Synchronization

/// What stops a request's reads from outside it: its time limit passing, or its visitor leaving. It is set from a
/// thread of its own, never the request's, and a store checks it as its statements run, so a read stops even while
/// every server thread is busy reading.
public final class ReadStop: Sendable {
    public enum Reason: Int, Sendable {
        case timeLimit = 1
        case visitorGone = 2
    }

    private let state = Atomic<Int>(0)

    public init() {}

    /// Stops the reads for `reason`; the first reason given is the one kept.
    public func stop(_ reason: Reason) {
        _ = state.compareExchange(expected: 0, desired: reason.rawValue, ordering: .relaxed)
    }

    /// Why the reads were stopped, or nil while they may go on.
    public var reason: Reason? { Reason(rawValue: state.load(ordering: .relaxed)) }

    public var isStopped: Bool { state.load(ordering: .relaxed) != 0 }

    /// The stop of the request the current task is answering, if any.
    @TaskLocal public static var current: ReadStop?
}
