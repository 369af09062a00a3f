import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Synchronization
import Testing

/// A read that counts for ever: only being stopped ends it.
private func countForEver(_ store: SQLiteStore) async throws {
    _ = try await store.pageReaders.read { db in
        try Int.fetchOne(db, sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n")
    }
}

/// Set once, from any thread.
private final class Flag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

@Suite("The request watch")
struct RequestWatchTests {
    @Test(
        "A request past its time limit, or whose visitor has gone, has its page's read stopped, though more such reads run than there are threads for tasks",
        .timeLimit(.minutes(5)))
    func stopsReads() async throws {
        try await withTemporaryStore { store async throws in
            let watch = RequestWatch()
            let gone = Flag()
            // The visitors of odd-numbered requests leave after a while; even-numbered ones stay, and their requests
            // run into the limit. Each read holds a thread tasks run on, so the watch must need none of them.
            let reasons = try await withThrowingTaskGroup(of: ReadStop.Reason?.self) { group in
                for index in 0..<6 {
                    let staying = index.isMultiple(of: 2)
                    group.addTask {
                        try await watch.watching(limit: staying ? .milliseconds(200) : .seconds(600), visitorHasGone: { !staying && gone.isSet }) { stop in
                            do {
                                try await ReadStop.$current.withValue(stop) { try await countForEver(store) }
                                return nil
                            } catch {
                                return stop.reason
                            }
                        }
                    }
                }
                // From a serial queue: Dispatch's global queue shares the threads the reads hold.
                DispatchQueue(label: "test.leave").asyncAfter(deadline: .now() + .milliseconds(300)) { gone.set() }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reasons.filter { $0 == .timeLimit }.count == 3)
            #expect(reasons.filter { $0 == .visitorGone }.count == 3)
            // A request that ends in time is never stopped.
            let quick = try await watch.watching(limit: .seconds(600), visitorHasGone: { false }) { stop in
                let answer = try await ReadStop.$current.withValue(stop) { try await store.pageReaders.read { db in try Int.fetchOne(db, sql: "SELECT 42") } }
                try await Task.sleep(for: .milliseconds(120))
                return (answer, stop.isStopped)
            }
            #expect(quick.0 == 42 && !quick.1)
        }
    }

    @Test("A page whose read runs past the page time limit is answered with 503 and Retry-After, and the server goes on", .timeLimit(.minutes(5)))
    func slowPage() async throws {
        try await withTemporaryStore { store async throws in
            let router = Router(context: QuorumRequestContext.self)
            router.addMiddleware { ErrorPageMiddleware(logger: Logger(label: "test")) }
            router.get("/slow") { _, _ -> String in
                try await countForEver(store)
                return "never"
            }
            router.get("/quick") { _, _ in "quick" }
            let responder = BudgetedResponder(inner: router.buildResponder(), limit: .milliseconds(200), logger: Logger(label: "test"))
            let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "test"))
            try await app.test(.live) { client in
                try await client.execute(uri: "/slow", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "60")
                    #expect(String(buffer: response.body).contains("This page took too long to prepare and was stopped"))
                }
                try await client.execute(uri: "/quick", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == "quick")
                }
            }
        }
    }
}
