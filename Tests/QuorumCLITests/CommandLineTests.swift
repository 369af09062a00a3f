import Foundation
import QuorumTestSupport
import Testing

/// The `quorum` binary that `swift build` put beside the test bundle.
func quorumExecutable() -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("quorum")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/quorum")
}

@Test("quorum deadlines prints the publication and question deadlines and the response due date, one per line")
func deadlines() async throws {
    let result = try await quorumRun(["deadlines", "--meeting", "2025-03-18T14:00", "--sent", "2025-01-28"])
    #expect(result.status == 0)
    #expect(result.out == """
        agenda publication deadline: 2025-03-10
        question deadline: 2025-03-12T17:00
        response due: 2025-03-28

        """)
    let health = try await quorumRun(["deadlines", "--meeting", "2021-09-07T10:00", "--sent", "2025-01-28", "--health"])
    #expect(health.out.contains("agenda publication deadline: 2021-08-27\n"))
    #expect(health.out.contains("response due: 2025-02-25\n"))
}

@Test("A bad argument gets a one-line error on standard error and a non-zero exit", arguments: [
    ["deadlines", "--meeting", "18/03/2025"],
    ["deadlines"],
    ["deadlines", "--meeting", "2025-03-18T14:00", "--sent", "yesterday"],
    ["deadlines", "--meeting", "2025-03-18T14:00", "--health"],
    ["no-such-command"],
])
func badArguments(arguments: [String]) async throws {
    let process = try await quorumRun(arguments)
    #expect(process.status != 0)
    #expect(process.out.isEmpty)
    #expect(process.err.hasPrefix("quorum: "))
    #expect(process.err.filter { $0 == "\n" }.count == 1)
}

/// Runs `quorum` and gives its exit status, standard output and standard error. It waits without holding a thread:
/// a test run has only a few threads for its tasks, and commands that take seconds would keep other tests from them.
func quorumRun(_ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = quorumExecutable()
    process.arguments = arguments
    if let environment { process.environment = environment }
    // Both outputs go to files, so a command that writes a lot cannot block while nobody reads a pipe.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outFile = folder.appendingPathComponent("out"), errorFile = folder.appendingPathComponent("err")
    for file in [outFile, errorFile] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
    // No terminal: a command that would ask for something at one says what to give instead.
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, any Error>) in
        process.terminationHandler = { _ in finished.resume() }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            finished.resume(throwing: error)
        }
    }
    return (process.terminationStatus, try String(contentsOf: outFile, encoding: .utf8), try String(contentsOf: errorFile, encoding: .utf8))
}

@Test("quorum --help lists every subcommand, and each subcommand explains its flags")
func help() async throws {
    let root = try await quorumRun(["--help"])
    #expect(root.status == 0)
    for command in ["serve", "migrate", "import", "release", "deadlines", "user", "audit"] { #expect(root.out.contains(command)) }
    let importHelp = try await quorumRun(["import", "--help"])
    for flag in ["--database", "--dry-run", "--strict"] { #expect(importHelp.out.contains(flag)) }
    let serve = try await quorumRun(["serve", "--help"])
    for flag in ["--database", "--host", "--port", "--page-time-limit", "--session-idle-minutes"] { #expect(serve.out.contains(flag)) }
    let user = try await quorumRun(["user", "add", "--help"])
    for flag in ["--email", "--name", "--role", "--answers-for", "--password-file"] { #expect(user.out.contains(flag)) }
    let audit = try await quorumRun(["audit", "--help"])
    for flag in ["--record", "--since"] { #expect(audit.out.contains(flag)) }
    let deadlines = try await quorumRun(["deadlines", "--help"])
    for flag in ["--meeting", "--sent", "--health"] { #expect(deadlines.out.contains(flag)) }
}

@Test("quorum migrate creates a database and can safely run again")
func migrate() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("council.sqlite").path
    let created = try await quorumRun(["migrate", "--database", path])
    #expect(created.status == 0)
    #expect(created.out.contains("schema is up to date"))
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(try await quorumRun(["migrate", "--database", path]).status == 0)
}
