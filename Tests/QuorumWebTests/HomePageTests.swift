import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import QuorumWeb
import Testing

func withApp(_ store: SQLiteStore, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = try await buildApplication(WebConfiguration().unhurried, store: store, today: { fixedNow }, logger: Logger(label: "test"))
    try await app.test(.router, test)
}

@Test("The health check answers ok")
func health() async throws {
    try await withTemporaryStore { store async throws in
        try await withApp(store) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }
}

@Test("An empty database says plainly that there are no committees")
func emptyHome() async throws {
    try await withTemporaryStore { store async throws in
        try await withApp(store) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("There are no committees yet."))
            }
        }
    }
}

@Test("The committee pages list each committee and its meetings by municipal year, dated as councils write them, with names escaped")
func committeesAndMeetingsAreListed() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        var batch = RecordBatch()
        batch.committees = [Committee.fixture(named: "Health <Scrutiny> Committee")]
        try await store.save(batch, by: "test", at: fixedNow)
        try await withApp(store) { client in
            try await client.execute(uri: "/committees", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("Children and Young People Scrutiny Committee</a>"))
                #expect(body.contains("Health &lt;Scrutiny&gt; Committee"))
                #expect(!body.contains("<Scrutiny>"))
            }
            try await client.execute(uri: "/committees/health-scrutiny-committee", method: .get) { response in
                #expect(String(buffer: response.body).contains("No meetings are recorded."))
            }
            try await client.execute(uri: "/committees/children-and-young-people-scrutiny-committee", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("Tuesday 18 March 2025, 2.00 pm"))
                #expect(body.contains("Cancelled"))
                // Newest municipal year first: 2025/26 holds the May 2025 meeting, 2024/25 the rest.
                let newer = try #require(body.range(of: "<h3>2025/26</h3>"))
                let older = try #require(body.range(of: "<h3>2024/25</h3>"))
                #expect(newer.lowerBound < older.lowerBound)
                #expect(body.range(of: "Tuesday 27 May 2025")!.lowerBound < older.lowerBound)
            }
        }
    }
}

@Test("An unknown address gets a real 404 page with security headers, and no internals")
func notFound() async throws {
    try await withTemporaryStore { store async throws in
        try await withApp(store) { client in
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>Page not found</h1>"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/assets/quorum.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("font-family"))
            }
        }
    }
}
