import Dispatch
import QuorumStorage
import Synchronization

/// Watches every request being answered, from one dispatch thread of its own: a request past the page time limit, or
/// whose visitor has gone, has its `ReadStop` set, which stops the statement its page is reading. Being no server
/// thread, the watch goes on while every server thread is busy, and a request costs it an entry in a table rather
/// than a task of its own.
final class RequestWatch: Sendable {
    private struct Watched {
        let deadline: DispatchTime
        let visitorHasGone: @Sendable () -> Bool
        let stop: ReadStop
    }

    private struct State {
        var watched: [UInt64: Watched] = [:]
        var next: UInt64 = 0
        /// Whether a look is due: the watch looks every `interval` while anything is watched, and rests when nothing is.
        var looking = false
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "quorum.request-watch")
    /// How often the watch looks at every request: the most by which a stop can come late.
    static let interval = DispatchTimeInterval.milliseconds(50)

    /// Watches a request until the value `body` gives, or the error it throws, is back; its reads are stopped with
    /// `.timeLimit` once `limit` has passed, and with `.visitorGone` when `visitorHasGone` says so.
    func watching<T>(
        limit: Duration, visitorHasGone: @escaping @Sendable () -> Bool, _ body: (ReadStop) async throws -> T
    ) async throws -> T {
        let stop = ReadStop()
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        let entry = Watched(deadline: .now() + .nanoseconds(Int(min(nanoseconds, Int64(Int.max)))), visitorHasGone: visitorHasGone, stop: stop)
        let (key, start) = state.withLock { state -> (UInt64, Bool) in
            state.next += 1
            state.watched[state.next] = entry
            defer { state.looking = true }
            return (state.next, !state.looking)
        }
        if start { lookLater() }
        defer { _ = state.withLock { $0.watched.removeValue(forKey: key) } }
        return try await body(stop)
    }

    private func lookLater() {
        queue.asyncAfter(deadline: .now() + Self.interval) { [self] in look() }
    }

    private func look() {
        let now = DispatchTime.now()
        let watched = state.withLock { state -> [Watched]? in
            guard !state.watched.isEmpty else {
                state.looking = false
                return nil
            }
            return Array(state.watched.values)
        }
        guard let watched else { return }
        for entry in watched where !entry.stop.isStopped {
            if entry.deadline <= now {
                entry.stop.stop(.timeLimit)
            } else if entry.visitorHasGone() {
                entry.stop.stop(.visitorGone)
            }
        }
        lookLater()
    }
}
