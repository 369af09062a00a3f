/// Work that must not hold the server longer than it is worth: a search of common words, say. Past its budget the work
/// is cancelled, which interrupts the SQLite statement it is running (GRDB cancels a read whose task is cancelled).
/// A visitor who has gone stops it sooner, through the request's `ReadStop` (`RequestWatch`).
public struct TimeBudget: Sendable {
    public let limit: Duration

    public init(limit: Duration) { self.limit = limit }

    public struct Exceeded: Error {}

    /// The value of `work`, or `Exceeded` once `limit` has passed; the work is cancelled then. A budget of no time at
    /// all runs nothing.
    public func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard limit > .zero else { throw Exceeded() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
