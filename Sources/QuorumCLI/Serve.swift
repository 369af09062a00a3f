import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuorumPersistence
import QuorumWeb

/// `quorum serve`: the public website on the SQLite database.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the public website.",
        discussion: "The database is created and migrated on first start; an empty one is filled with the bundled example agenda packs."
    )

    @OptionGroup var options: DatabaseOptions

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 listens on every interface.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "number"))
    var port = 8080

    @Flag(help: "Leave an empty database empty rather than loading the example agenda packs.")
    var noExampleData = false

    @Option(help: ArgumentHelp("The site's public address, for links in feeds and calendars (default: the address each request came to).", valueName: "url"))
    var baseURL: String?

    func run() async throws {
        let logger = Logger(label: "quorum")
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: options.database)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
        if !noExampleData, try await store.committees().isEmpty {
            let summary = try await ExampleData.load(into: store, now: Date())
            logger.info("The database was empty, so the example agenda packs were imported: \(summary.created) records.")
        }
        let web = WebConfiguration(host: host, port: port, baseURL: baseURL)
        let app = try await buildApplication(web, store: store, logger: logger)
        try await app.runService()
    }
}
