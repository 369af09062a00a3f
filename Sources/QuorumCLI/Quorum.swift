import ArgumentParser
import Foundation
import QuorumPersistence
import QuorumStorage

/// The `quorum` command: one executable for the website, imports and the council's deadlines.
@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Committee and scrutiny management for local councils.",
        discussion: """
            Quorum keeps a council's committees, meetings, papers, questions, minutes, recommendations and work \
            programme, and publishes them as an accessible website. Every command that touches data takes \
            --database PATH (default ./quorum.sqlite).
            """,
        version: "quorum 0.2.0",
        subcommands: [Serve.self, Migrate.self, Import.self, Release.self, Deadlines.self, Meetings.self, Council.self, ForwardPlan.self, Users.self, ApiTokens.self, Audit.self, Recommendations.self]
    )

    /// Runs the command, printing a bad argument as one line on standard error with a non-zero exit.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "quorum failed"
            FileHandle.standardError.write(Data(("quorum: " + message + "\n").utf8))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}

/// The `--database` option that every data command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file; created and migrated if it does not exist.", valueName: "path"))
    var database = "./quorum.sqlite"

    /// The store, created and migrated if need be; a database that cannot be opened is one plain line.
    func openStore() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: database)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }
}

/// A failure to report to the user as it stands, in one line.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
