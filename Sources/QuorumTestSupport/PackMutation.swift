public import Foundation

/// The ways a published file gets damaged on its way to Quorum, for feeding mutated packs to the importer: a line lost,
/// repeated or out of place, a byte corrupted, the end cut off.
public enum PackMutation: String, CaseIterable, Sendable {
    case deleteLine, duplicateLine, swapLines, flipByte, truncate

    /// The text damaged in this way. `a` and `b` pick where (any non-negative numbers; they are taken modulo the
    /// text's lines or bytes), so that one seed of a pseudo-random generator gives one damaged file.
    public func apply(to text: String, _ a: Int, _ b: Int) -> Data {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch self {
        case .deleteLine:
            if !lines.isEmpty { lines.remove(at: a % lines.count) }
        case .duplicateLine:
            if !lines.isEmpty {
                let i = a % lines.count
                lines.insert(lines[i], at: i)
            }
        case .swapLines:
            if lines.count > 1 { lines.swapAt(a % lines.count, b % lines.count) }
        case .flipByte:
            var bytes = [UInt8](text.utf8)
            if !bytes.isEmpty { bytes[a % bytes.count] ^= UInt8(1 << (b % 8)) }
            return Data(bytes)
        case .truncate:
            let bytes = [UInt8](text.utf8)
            return Data(bytes.prefix(bytes.isEmpty ? 0 : a % bytes.count))
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}
