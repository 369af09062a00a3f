import Foundation
import QuorumIngest
import Testing

/// The facts files beside the house-style packs, scored as `../shared/tools/facts.py` scores a dry run: a fact holds
/// only when one structured value of the dry run's JSON holds it (unparsed text and warnings do not count).
@Suite("House-style facts")
struct HouseStyleFactsTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/house-styles")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()

    @Test("Every fact of every house-style pack holds in the dry run's JSON", arguments: files)
    func everyFactHolds(file: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let pack = try parseAgendaPack(text, file: file)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try JSONDecoder().decode(JSONValue.self, from: encoder.encode([ImportPreview(pack)]))
        var values: [String] = []
        json.collect(into: &values)
        let factsFile = Self.folder.appendingPathComponent("facts/" + file.replacingOccurrences(of: ".txt", with: ".facts.txt"))
        let facts = try String(contentsOf: factsFile, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        #expect(facts.count >= 15)
        for fact in facts {
            let parts = fact.split(separator: "\t", maxSplits: 1).map(String.init)
            let holds = Self.holds(parts[0], values)
            #expect(holds, "\(file): \(parts.count > 1 ? parts[1] : "") (\(parts[0]))")
        }
    }

    /// facts.py's rule: an ISO date starts a short value; an HH[:.]MM time is found in a short value; any other pattern
    /// is found in one value of at most 600 characters.
    static func holds(_ pattern: String, _ values: [String]) -> Bool {
        if pattern.wholeMatch(of: /\d{4}-\d\d-\d\d/) != nil { return values.contains { $0.hasPrefix(pattern) && $0.count <= 40 } }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return false }
        let limit = pattern.wholeMatch(of: /\d\d\[:\\.\]\d\d/) != nil ? 40 : 600
        return values.contains { value in
            value.count <= limit && regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        }
    }
}

/// A JSON document, with object keys in sorted order as the dry run prints them.
enum JSONValue: Decodable {
    case string(String), integer(Int), number(Double), bool(Bool), array([JSONValue]), object([(String, JSONValue)]), null

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null; return }
        if let value = try? single.decode(Bool.self) { self = .bool(value); return }
        if let value = try? single.decode(Int.self) { self = .integer(value); return }
        if let value = try? single.decode(Double.self) { self = .number(value); return }
        if let value = try? single.decode(String.self) { self = .string(value); return }
        if let value = try? single.decode([JSONValue].self) { self = .array(value); return }
        let object = try single.decode([String: JSONValue].self)
        self = .object(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Every value as facts.py lists them; keys named unparsed, warnings, diagnostics or file are skipped with all below.
    func collect(into out: inout [String]) {
        switch self {
        case .object(let pairs):
            let ints = pairs.compactMap { if case .integer(let n) = $0.1 { n } else { nil } }
            if ints.count >= 2 { for k in 0..<(ints.count - 1) { out.append("\(ints[k]) - \(ints[k + 1])") } }
            for (key, value) in pairs where !["unparsed", "warnings", "diagnostics", "file"].contains(key) {
                if let scalar = value.scalarText, scalar.count <= 40 { out.append("\(key) \(scalar)") }
                out.append(key)
                value.collect(into: &out)
            }
        case .array(let items): for item in items { item.collect(into: &out) }
        case .null: break
        default: if let text = scalarText { out.append(text) }
        }
    }

    var scalarText: String? {
        switch self {
        case .string(let s): s
        case .integer(let n): String(n)
        case .number(let d): String(d)
        default: nil
        }
    }
}
