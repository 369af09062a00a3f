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
func deadlines() throws {
    let result = try quorumRun(["deadlines", "--meeting", "2025-03-18T14:00", "--sent", "2025-01-28"])
    #expect(result.status == 0)
    #expect(result.out == """
        agenda publication deadline: 2025-03-10
        question deadline: 2025-03-12T17:00
        response due: 2025-03-28

        """)
    let health = try quorumRun(["deadlines", "--meeting", "2021-09-07T10:00", "--sent", "2025-01-28", "--health"])
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
func badArguments(arguments: [String]) throws {
    let process = try quorumRun(arguments)
    #expect(process.status != 0)
    #expect(process.out.isEmpty)
    #expect(process.err.hasPrefix("quorum: "))
    #expect(process.err.filter { $0 == "\n" }.count == 1)
}

func quorumRun(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = quorumExecutable()
    process.arguments = arguments
    if let environment { process.environment = environment }
    // Standard error goes to a file, so a command that writes a lot there cannot block while we read its output.
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let out = Pipe()
    // No terminal: a command that would ask for something at one says what to give instead.
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errData = try Data(contentsOf: errorFile)
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Test("quorum --help lists every subcommand, and each subcommand explains its flags")
func help() throws {
    let root = try quorumRun(["--help"])
    #expect(root.status == 0)
    for command in ["serve", "migrate", "import", "release", "deadlines", "user", "audit"] { #expect(root.out.contains(command)) }
    let importHelp = try quorumRun(["import", "--help"])
    for flag in ["--database", "--dry-run", "--strict"] { #expect(importHelp.out.contains(flag)) }
    let serve = try quorumRun(["serve", "--help"])
    for flag in ["--database", "--host", "--port", "--page-time-limit", "--session-idle-minutes"] { #expect(serve.out.contains(flag)) }
    let user = try quorumRun(["user", "add", "--help"])
    for flag in ["--email", "--name", "--role", "--answers-for", "--password-file"] { #expect(user.out.contains(flag)) }
    let audit = try quorumRun(["audit", "--help"])
    for flag in ["--record", "--since"] { #expect(audit.out.contains(flag)) }
    let deadlines = try quorumRun(["deadlines", "--help"])
    for flag in ["--meeting", "--sent", "--health"] { #expect(deadlines.out.contains(flag)) }
}

@Test("quorum migrate creates a database and can safely run again")
func migrate() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("council.sqlite").path
    let created = try quorumRun(["migrate", "--database", path])
    #expect(created.status == 0)
    #expect(created.out.contains("schema is up to date"))
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(try quorumRun(["migrate", "--database", path]).status == 0)
}
