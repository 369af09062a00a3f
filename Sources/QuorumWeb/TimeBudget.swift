/// Work that must not hold the server longer than it is worth: a search of common words, say. Past its budget the work
/// is cancelled, which interrupts the SQLite statement it is running (GRDB cancels a read whose task is cancelled).
public struct TimeBudget: Sendable {
    public let limit: Duration

    public init(limit: Duration) { self.limit = limit }

    public struct Exceeded: Error {}
    /// The visitor the work was for has gone (closed the connection): nobody will read the answer.
    public struct VisitorGone: Error {}

    /// How often a running request checks that its visitor is still connected.
    static let visitorCheck = Duration.milliseconds(50)

    /// The value of `work`, or `Exceeded` once `limit` has passed, or `VisitorGone` as soon as `visitorHasGone` says
    /// so; the work is cancelled then. A budget of no time at all runs nothing.
    public func run<T: Sendable>(
        stoppingWhen visitorHasGone: (@Sendable () -> Bool)? = nil, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard limit > .zero else { throw Exceeded() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            // One watcher for both the budget and the visitor, so a request costs one task beside its work.
            group.addTask {
                let clock = ContinuousClock()
                let deadline = clock.now.advanced(by: limit)
                while true {
                    if let visitorHasGone, visitorHasGone() { throw VisitorGone() }
                    let now = clock.now
                    if now >= deadline { return nil }
                    try await Task.sleep(until: visitorHasGone == nil ? deadline : min(deadline, now.advanced(by: Self.visitorCheck)), clock: clock)
                }
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
