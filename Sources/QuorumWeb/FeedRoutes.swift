import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// Calendars (RFC 5545) of meetings, and an Atom feed of newly published papers and recommendation responses.
struct FeedRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date
    /// Decides the address used in links: a Host header that is not one of the site's names is never echoed.
    let site: WebConfiguration

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/calendar.ics", use: calendar)
        router.page("/committees/:committee/calendar.ics", use: committeeCalendar)
        router.page("/feed.atom", use: atom)
    }

    func calendar(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let committees = try await store.committees()
        var meetings: [Meeting] = []
        for committee in committees { meetings += try await store.meetings(of: committee.id) }
        return ics(meetings, committees: committees, name: "Council committee meetings", request: request)
    }

    func committeeCalendar(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let slug = try context.parameters.require("committee")
        guard let committee = try await store.committee(slug: slug) else { throw HTTPError(.notFound) }
        return ics(try await store.meetings(of: committee.id), committees: [committee], name: committee.name, request: request)
    }

    private func ics(_ meetings: [Meeting], committees: [Committee], name: String, request: Request) -> Body {
        let base = site.siteURL(requestHost: request.head.authority)
        let byID = Dictionary(committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var calendar = ICalendar(name: name, stamp: today())
        for meeting in meetings.sorted(by: { $0.start < $1.start }) {
            calendar.add(meeting, committee: byID[meeting.committee]?.name ?? "Committee meeting", url: base + Paths.meeting(meeting.id))
        }
        return Body(bytes: calendar.text, contentType: "text/calendar; charset=utf-8")
    }

    func atom(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let base = site.siteURL(requestHost: request.head.authority)
        let now = todayInLondon(today)
        let committees = Dictionary(try await store.committees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rules: [Authority.ID: DeadlineRules] = [:]
        for authority in try await store.authorities() { rules[authority.id] = authority.rules }
        var entries: [AtomFeed.Entry] = []
        // A paper is in the feed from the moment it is public anywhere (Visibility), dated by the publication or
        // supplement that last carried it where Quorum published it; otherwise by the agenda deadline, or today for an
        // agenda published earlier than that.
        for meeting in try await store.meetings(MeetingFilter(newestFirst: true, onlyWithPapers: true, limit: 30)) {
            guard let committee = committees[meeting.committee] else { continue }
            let deadline = meeting.deadlines(rules: rules[committee.authority] ?? .standard, calendar: .englandAndWales).agendaPublication
            let publications = try await store.publications(of: meeting.id)
            let agenda = Visibility.public.agenda(try await store.agendaItems(of: meeting.id), reports: try await store.reportCovers(of: meeting.id), of: meeting)
            for supplement in publications where supplement.isQuestions {
                entries.append(
                    .init(
                        id: "tag:quorum,\(supplement.at.day.year):\(meeting.id.rawValue)/questions/\(supplement.number)",
                        title: "Questions and answers, \(supplement.label) (\(committee.name), \(meeting.start.day.councilStyle))",
                        link: base + Paths.meeting(meeting.id) + "/questions", updated: supplement.at.day,
                        summary: "The written questions accepted for the meeting, and their answers."))
            }
            for entry in agenda {
                guard let report = entry.report else { continue }
                let carried = publications.last { $0.number == 0 || $0.items.contains(entry.item.number) }
                let published = carried?.at.day ?? min(deadline, now.day)
                entries.append(
                    .init(
                        id: "tag:quorum,\(published.year):\(report.id.rawValue)", title: "\(report.title) (\(committee.name), \(meeting.start.day.councilStyle))",
                        link: base + Paths.agendaItem(entry.item.id), updated: published, summary: report.purpose))
            }
        }
        for recommendation in try await store.recommendations(RecommendationFilter(stage: .received(nil), order: .newestAnswerFirst, limit: 50)) {
            guard case .received(let on?, let text, let outcome) = recommendation.response else { continue }
            entries.append(
                .init(
                    id: "tag:quorum,\(on.year):\(recommendation.id.rawValue)/response",
                    title: "Response to recommendation \(recommendation.number) on \(recommendation.topic)" + (outcome.map { ": \($0.label)" } ?? ""),
                    link: base + Paths.recommendation(recommendation.id), updated: on, summary: text))
        }
        entries.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
        let feed = AtomFeed(title: "Committee papers and responses to recommendations", id: base + "/feed.atom", link: base + "/", entries: Array(entries.prefix(50)))
        return Body(bytes: feed.xml, contentType: "application/atom+xml; charset=utf-8")
    }
}


/// An iCalendar document of meetings. UIDs come from meeting identifiers, so an update replaces the event.
struct ICalendar {
    private var lines: [String]
    private let stamp: String

    init(name: String, stamp: Date) {
        var formatter = Date.ISO8601FormatStyle(timeZone: .gmt)
        formatter = formatter.year().month().day().time(includingFractionalSeconds: false).dateSeparator(.omitted).timeSeparator(.omitted)
        // DTSTAMP is in UTC, written with its Z (RFC 5545 §3.8.7.2).
        let text = stamp.formatted(formatter)
        self.stamp = text.hasSuffix("Z") ? text : text + "Z"
        lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Quorum//Committee meetings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendar.escape(name), "X-WR-TIMEZONE:Europe/London",
            "BEGIN:VTIMEZONE", "TZID:Europe/London",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD", "END:VTIMEZONE",
        ]
    }

    mutating func add(_ meeting: Meeting, committee: String, url: String) {
        lines += ["BEGIN:VEVENT", "UID:" + ICalendar.escape(meeting.id.rawValue) + "@quorum", "DTSTAMP:" + stamp]
        if meeting.knownFrom != nil {
            // Known only from another paper: the day is published, the time is not.
            lines.append("DTSTART;VALUE=DATE:" + meeting.start.day.iso.replacingOccurrences(of: "-", with: ""))
        } else {
            lines.append("DTSTART;TZID=Europe/London:" + ICalendar.local(meeting.start))
        }
        if meeting.knownFrom == nil, let end = meeting.status.endedAt, end > meeting.start.time {
            lines.append("DTEND;TZID=Europe/London:" + ICalendar.local(LocalDateTime(meeting.start.day, end)))
        }
        lines.append("SUMMARY:" + ICalendar.escape(committee))
        if !meeting.venue.isEmpty { lines.append("LOCATION:" + ICalendar.escape(meeting.venue)) }
        lines.append("DESCRIPTION:" + ICalendar.escape("\(meeting.status.label). Agenda, papers and minutes: \(url)"))
        lines.append("URL:" + url)
        if case .cancelled = meeting.status { lines.append("STATUS:CANCELLED") } else { lines.append("STATUS:CONFIRMED") }
        // Each stage and each change a clerk makes is a new version of the event, for calendars that follow it.
        lines.append("SEQUENCE:\(meeting.status.stage + meeting.scheduleRevision)")
        lines.append("END:VEVENT")
    }

    /// The document, with CRLF line ends and lines folded at 75 octets as RFC 5545 requires.
    var text: String {
        (lines + ["END:VCALENDAR"]).map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func local(_ moment: LocalDateTime) -> String {
        moment.day.iso.replacingOccurrences(of: "-", with: "") + "T" + moment.time.iso.replacingOccurrences(of: ":", with: "") + "00"
    }

    static func escape(_ text: String) -> String {
        // Control characters from a pack never reach the calendar: RFC 5545 allows none but the folded line ends.
        let text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || ($0.value >= 0x20 && $0.value != 0x7F) }))
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}

/// An Atom (RFC 4287) feed.
struct AtomFeed {
    struct Entry {
        let id: String
        let title: String
        let link: String
        let updated: CalendarDay
        let summary: String
    }

    let title: String
    let id: String
    let link: String
    let entries: [Entry]

    var xml: String {
        let updated = entries.map(\.updated).max().map(AtomFeed.timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(escapeXML(title))</title>
            <id>\(escapeXML(id))</id>
            <link rel="self" href="\(escapeXML(id))"/>
            <link href="\(escapeXML(link))"/>
            <updated>\(updated)</updated>
            <author><name>Quorum</name></author>

            """
        for entry in entries {
            xml += """
                <entry>
                <id>\(escapeXML(entry.id))</id>
                <title>\(escapeXML(entry.title))</title>
                <link href="\(escapeXML(entry.link))"/>
                <updated>\(AtomFeed.timestamp(entry.updated))</updated>
                <summary>\(escapeXML(entry.summary))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func timestamp(_ day: CalendarDay) -> String { day.iso + "T09:00:00Z" }
}

func escapeXML(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20, scalar != "\t", scalar != "\n" { continue }
            result.append(character)
        }
    }
    return result
}
