import QuorumDomain

/// Every address on the public site, built in one place from domain identifiers.
///
/// Identifiers nest (`authority/committee/2025-03-18/items/7`), so an address is made from the parts
/// after the authority: `/committees/{committee}/meetings/{date}/items/{number}`.
enum Paths {
    static let home = "/"
    static let committees = "/committees"
    static let recommendations = "/recommendations"
    static let workProgramme = "/work-programme"
    static let search = "/search"

    static func committee(_ id: Committee.ID) -> String { "/committees/\(last(id.rawValue))" }

    /// The part of a committee's identifier its address names it by.
    static func slug(_ id: Committee.ID) -> String { String(last(id.rawValue)) }

    static func committeeCalendar(_ id: Committee.ID) -> String { committee(id) + "/calendar.ics" }

    static func meeting(_ id: Meeting.ID) -> String {
        guard let parts = tail(id.rawValue, 2) else { return "/" }
        return address(id.rawValue, ["/committees/", .part(parts[0]), "/meetings/", .part(parts[1])])
    }

    static func agendaItem(_ id: AgendaItem.ID) -> String {
        guard let parts = tail(id.rawValue, 4), spells(id.rawValue, parts[2], "items") else { return "/" }
        return address(id.rawValue, ["/committees/", .part(parts[0]), "/meetings/", .part(parts[1]), "/items/", .part(parts[3])])
    }

    static func person(_ id: Person.ID) -> String { "/people/\(last(id.rawValue))" }

    static func recommendation(_ id: Recommendation.ID) -> String {
        guard let parts = tail(id.rawValue, 4), spells(id.rawValue, parts[1], "recommendations") else { return "/" }
        return address(id.rawValue, ["/recommendations/", .part(parts[0]), "/", .part(parts[2]), "/", .part(parts[3])])
    }

    /// The identifier of a meeting from its committee and the date in its address.
    static func meetingID(_ committee: Committee.ID, date: String) -> Meeting.ID { .init(under: committee, date) }

    static func agendaItemID(_ meeting: Meeting.ID, number: String) -> AgendaItem.ID { .init(under: meeting, "items/" + number) }

    static func recommendationID(_ committee: Committee.ID, date: String, key: String) -> Recommendation.ID {
        .init(under: committee, "recommendations/\(date)/\(key)")
    }

    private static func last(_ id: String) -> Substring {
        guard let slash = id.utf8.lastIndex(of: UInt8(ascii: "/")) else { return id[...] }
        return id[id.utf8.index(after: slash)...]
    }

    /// A piece of an address: text of its own, or a part of the identifier, by its bytes' offsets.
    private enum Piece: ExpressibleByStringLiteral {
        case text(StaticString)
        case part(Range<Int>)
        init(stringLiteral text: StaticString) { self = .text(text) }
    }

    /// The address `pieces` spell, written straight from the identifier's bytes: lists make one for every row they
    /// show, and joining the parts as substrings took more than twice as long.
    private static func address(_ id: String, _ pieces: [Piece]) -> String {
        var id = id
        return id.withUTF8 { bytes in
            let length = pieces.reduce(0) { total, piece in
                switch piece {
                case .text(let text): total + text.utf8CodeUnitCount
                case .part(let range): total + range.count
                }
            }
            return String(unsafeUninitializedCapacity: length) { out in
                var at = 0
                for piece in pieces {
                    let source =
                        switch piece {
                        case .text(let text): UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
                        case .part(let range): UnsafeBufferPointer(rebasing: bytes[range])
                        }
                    _ = UnsafeMutableBufferPointer(rebasing: out[at...]).initialize(fromContentsOf: source)
                    at += source.count
                }
                return at
            }
        }
    }

    /// Whether the identifier's bytes at `range` are `text`.
    private static func spells(_ id: String, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        var id = id
        return id.withUTF8 { bytes in bytes[range].elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
    }

    /// The byte offsets of the last `count` parts of an identifier, in order, found from its end, when each is
    /// non-empty and the authority's part comes before them; nil otherwise.
    private static func tail(_ id: String, _ count: Int) -> [Range<Int>]? {
        var id = id
        return id.withUTF8 { bytes in
            var parts = [Range<Int>](repeating: 0..<0, count: count)
            var end = bytes.count
            for index in stride(from: count - 1, through: 0, by: -1) {
                var slash = end - 1
                while slash >= 0, bytes[slash] != UInt8(ascii: "/") { slash -= 1 }
                guard slash >= 0, slash + 1 < end else { return nil }
                parts[index] = (slash + 1)..<end
                end = slash
            }
            // The authority: something other than slashes before the parts.
            guard bytes[..<end].contains(where: { $0 != UInt8(ascii: "/") }) else { return nil }
            return parts
        }
    }
}
