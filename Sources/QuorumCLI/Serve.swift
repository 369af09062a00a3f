import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuorumPersistence
import QuorumStorage
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

    @Option(
        name: .customLong("site-name"),
        help: ArgumentHelp(
            "A host name the site answers to (repeat for each). Without --base-url, links in feeds and calendars use the request's Host only when it is one of these, localhost or the --host address; other requests get the first name.",
            valueName: "name"))
    var siteNames: [String] = []

    @Option(help: ArgumentHelp("The longest one search may run, in seconds, before it is stopped and the visitor asked to narrow it.", valueName: "seconds"))
    var searchTimeLimit = 2.0

    @Option(help: ArgumentHelp("How long a signed-in session may go unused before its owner must sign in again, in minutes.", valueName: "minutes"))
    var sessionIdleMinutes = 120

    @Option(help: ArgumentHelp("The longest a request may read the record, in seconds: past it, its read is stopped and it is answered 503 Service Unavailable.", valueName: "seconds"))
    var pageTimeLimit = 10.0

    @Option(help: ArgumentHelp("The most memory rendered pages may be kept in, least recently used out first; 0 turns the page cache off.", valueName: "megabytes"))
    var pageCacheMb = 64

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535, not \(port)") }
        guard searchTimeLimit > 0, searchTimeLimit <= 600 else { throw ValidationError("--search-time-limit must be above 0 and at most 600 seconds") }
        guard (5...10_080).contains(sessionIdleMinutes) else { throw ValidationError("--session-idle-minutes must be from 5 to 10080 (a week), not \(sessionIdleMinutes)") }
        guard pageTimeLimit > 0, pageTimeLimit <= 600 else { throw ValidationError("--page-time-limit must be above 0 and at most 600 seconds") }
        guard (0...65536).contains(pageCacheMb) else { throw ValidationError("--page-cache-mb must be from 0 to 65536, not \(pageCacheMb)") }
    }

    func run() async throws {
        let logger = Logger(label: "quorum")
        // Check the address is free before anything is imported, so a port in use gets one plain line.
        if let problem = Serve.cannotListen(host: host, port: port) { throw CommandFailure(problem) }
        let store = try options.openStore()
        if !noExampleData, try await store.committees().isEmpty {
            let summary = try await ExampleData.load(into: store, now: Date())
            logger.info("The database was empty, so the example agenda packs were imported: \(summary.created) records.")
        }
        let web = WebConfiguration(host: host, port: port, baseURL: baseURL, pageCacheMegabytes: pageCacheMb, siteNames: siteNames,
            searchTimeLimit: .milliseconds(Int(searchTimeLimit * 1000)), pageTimeLimit: .milliseconds(Int(pageTimeLimit * 1000)),
            sessionIdleTimeout: .seconds(sessionIdleMinutes * 60))
        let app = try await buildApplication(web, store: store, logger: logger)
        try await app.runService()
    }

    /// Why the server could not listen on `host`:`port`, in one line, or `nil` when it can.
    static func cannotListen(host: String, port: Int) -> String? {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return nil }
        defer { close(probe) }
        var reuse: Int32 = 1  // as the server itself binds, so a port with only closing connections counts as free
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { return nil }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0 else { return nil }
        return errno == EADDRINUSE
            ? "cannot listen on \(host):\(port): the port is already in use (is another server running? choose another with --port)"
            : "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))"
    }
}
