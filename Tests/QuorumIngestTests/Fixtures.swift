import QuorumDomain
import Foundation
import Testing
import QuorumIngest

/// The seed agenda packs, parsed once per test.
enum Seed: String {
    case september2024 = "000_281b6b6b12f1ec48"
    case october2021 = "002_337be05844ba804b"
    case march2025 = "004_aa79d59521b34b51"

    var data: Data {
        get throws {
            let url = try #require(Bundle.module.url(forResource: rawValue, withExtension: "txt", subdirectory: "Fixtures"))
            return try Data(contentsOf: url)
        }
    }

    var text: String { get throws { String(decoding: try data, as: UTF8.self) } }

    func parse() throws -> AgendaPack { try parseAgendaPack(data: try data, file: rawValue + ".txt") }
}

func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year, month, day) }

extension Array where Element == String {
    /// The first `count` lines joined back into text.
    func prefixText(_ count: Int) -> String { prefix(count).joined(separator: "\n") }
}

extension String {
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
