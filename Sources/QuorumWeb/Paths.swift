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
        // The last two parts, found from the end: lists make this address for every meeting they show.
        let text = id.rawValue
        guard let daySlash = text.lastIndex(of: "/"), let committeeSlash = text[..<daySlash].lastIndex(of: "/"),
            text[..<committeeSlash].contains(where: { $0 != "/" })
        else { return "/" }
        let committee = text[text.index(after: committeeSlash)..<daySlash]
        let day = text[text.index(after: daySlash)...]
        guard !committee.isEmpty, !day.isEmpty else { return "/" }
        return "/committees/" + committee + "/meetings/" + day
    }

    static func agendaItem(_ id: AgendaItem.ID) -> String {
        let parts = id.rawValue.split(separator: "/")
        guard parts.count >= 5, parts[parts.count - 2] == "items" else { return "/" }
        return "/committees/\(parts[parts.count - 4])/meetings/\(parts[parts.count - 3])/items/\(parts[parts.count - 1])"
    }

    static func person(_ id: Person.ID) -> String { "/people/\(last(id.rawValue))" }

    static func recommendation(_ id: Recommendation.ID) -> String {
        let parts = id.rawValue.split(separator: "/")
        guard parts.count >= 5, parts[parts.count - 3] == "recommendations" else { return "/" }
        return "/recommendations/\(parts[parts.count - 4])/\(parts[parts.count - 2])/\(parts[parts.count - 1])"
    }

    /// The identifier of a meeting from its committee and the date in its address.
    static func meetingID(_ committee: Committee.ID, date: String) -> Meeting.ID { .init(under: committee, date) }

    static func agendaItemID(_ meeting: Meeting.ID, number: String) -> AgendaItem.ID { .init(under: meeting, "items/" + number) }

    static func recommendationID(_ committee: Committee.ID, date: String, key: String) -> Recommendation.ID {
        .init(under: committee, "recommendations/\(date)/\(key)")
    }

    private static func last(_ id: String) -> Substring {
        guard let slash = id.lastIndex(of: "/") else { return id[...] }
        return id[id.index(after: slash)...]
    }
}
