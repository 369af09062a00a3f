public import Foundation
public import QuorumPersistence
public import QuorumStorage

/// A fresh SQLite file in a temporary folder, removed after `body` finishes.
public func withTemporaryStore<T>(_ body: (SQLiteStore) async throws -> T) async throws -> T {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteStore(path: folder.appendingPathComponent("quorum.sqlite").path)
    return try await body(store)
}

/// A new empty folder under the system's temporary directory; the caller removes it.
public func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The instant a test treats as now: Monday 1 December 2025, noon in London.
public let fixedNow = Date(timeIntervalSince1970: 1_764_590_400)
