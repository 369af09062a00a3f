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
        return "/committees/" + parts[0] + "/meetings/" + parts[1]
    }

    static func agendaItem(_ id: AgendaItem.ID) -> String {
        guard let parts = tail(id.rawValue, 4), parts[2] == "items" else { return "/" }
        return "/committees/" + parts[0] + "/meetings/" + parts[1] + "/items/" + parts[3]
    }

    static func person(_ id: Person.ID) -> String { "/people/\(last(id.rawValue))" }

    static func recommendation(_ id: Recommendation.ID) -> String {
        guard let parts = tail(id.rawValue, 4), parts[1] == "recommendations" else { return "/" }
        return "/recommendations/" + parts[0] + "/" + parts[2] + "/" + parts[3]
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

    /// The last `count` parts of an identifier, found from the end by its bytes (lists make an address for every
    /// row they show), when each is non-empty and the authority's part comes before them; nil otherwise.
    private static func tail(_ id: String, _ count: Int) -> [Substring]? {
        let bytes = id.utf8
        var parts: [Substring] = []
        parts.reserveCapacity(count)
        var end = bytes.endIndex
        for _ in 0..<count {
            guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return nil }
            let start = bytes.index(after: slash)
            guard start < end else { return nil }
            parts.append(id[start..<end])
            end = slash
        }
        // The authority: something other than slashes before the parts.
        guard bytes[..<end].contains(where: { $0 != UInt8(ascii: "/") }) else { return nil }
        return parts.reversed()
    }
}
