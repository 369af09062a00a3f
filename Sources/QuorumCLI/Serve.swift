import ArgumentParser
import Hummingbird
import Logging
import QuorumPersistence
import QuorumWeb

/// `quorum serve`: the public website on the SQLite database.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the public website.",
        discussion: "The database is created and migrated on first start."
    )

    @OptionGroup var options: DatabaseOptions

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 listens on every interface.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "number"))
    var port = 8080

    func run() async throws {
        let logger = Logger(label: "quorum")
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: options.database)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
        let app = try await buildApplication(WebConfiguration(host: host, port: port), store: store, logger: logger)
        try await app.runService()
    }
}
