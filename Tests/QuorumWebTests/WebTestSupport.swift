import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuorumDomain
import QuorumPersistence
import QuorumTestSupport
import QuorumWeb
import Testing

/// Runs `test` against the real application on a fresh store holding `RecordBatch.everyKind()` plus `extra`.
func withSite(_ extra: RecordBatch = RecordBatch(), _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        if !extra.isEmpty { try await store.save(extra, by: "test", at: fixedNow) }
        try await withApp(store, test)
    }
}

/// GETs `uri`, checks the status, and returns the body.
@discardableResult
func get(_ client: any TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == status, "GET \(uri)", sourceLocation: sourceLocation)
        return String(buffer: response.body)
    }
}

let committeePath = "/committees/children-and-young-people-scrutiny-committee"
let heldMeetingPath = committeePath + "/meetings/2025-01-21"
let upcomingMeetingPath = committeePath + "/meetings/2025-03-18"
