import ArgumentParser

/// `quorum-bench`: tools for measuring Quorum on a realistic council archive.
@main
struct QuorumBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum-bench",
        abstract: "Benchmark tools for Quorum.",
        discussion: """
            generate-archive writes a large, deterministic archive of committee papers into a new SQLite database, \
            for load tests (Benchmarks/web.sh) and for trying the website on years of data.
            """,
        subcommands: [GenerateArchive.self, ArchiveExamples.self, ParsePacks.self, DamagedPacks.self]
    )
}
