import ArgumentParser
import QuorumPersistence
import QuorumStorage

/// `quorum migrate`: creates a database or brings its schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database, or upgrade it to this version's schema.",
        discussion: "A database written by a newer version of Quorum is refused and left unchanged."
    )

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let store = try options.openStore()
        let applied = try store.appliedMigrations()
        print("\(options.database): schema is up to date (\(applied.count) migration\(applied.count == 1 ? "" : "s"), latest ‘\(applied.last ?? "none")’).")
    }
}
