import QuorumDomain

/// A meeting's working agenda in the API: whether it is published, its version, and each item with its report's lead.
struct ApiAgenda: Encodable {
    let event_id: String
    let published: Bool
    let version: String
    let items: [Item]

    struct Item: Encodable {
        let number: String
        let title: String
        let access: String
        let published: Bool
        let report_by: String?

        private enum CodingKeys: String, CodingKey { case number, title, access, published, report_by }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(title, forKey: .title)
            try c.encode(access, forKey: .access)
            try c.encode(published, forKey: .published)
            try c.encode(report_by, forKey: .report_by)
        }
    }

    init(_ agenda: Agenda) {
        event_id = agenda.meeting.rawValue
        published = agenda.isPublished
        version = EditVersion.of(agenda)
        items = agenda.items.map { item in
            Item(number: item.number, title: item.title, access: item.access.code, published: agenda.isFixed(item.id), report_by: agenda.report(of: item.id)?.reportBy)
        }
    }
}

/// A meeting's working minutes in the API: whether published, its version, and each minute with its resolutions.
struct ApiMinutes: Encodable {
    let event_id: String
    let published: Bool
    let version: String
    let attendance: Int
    let items: [Item]

    struct Item: Encodable {
        let number: Int
        let title: String
        let access: String
        let text: String
        let resolutions: [String]
        let recommendations: [Int]
    }

    init(_ minutes: Minutes) {
        event_id = minutes.meeting.rawValue
        published = minutes.isPublished
        version = EditVersion.of(minutes)
        attendance = minutes.attendance.count
        items = minutes.items.map { item in
            Item(
                number: item.number, title: item.title, access: item.access.code, text: item.text, resolutions: item.resolutions.map(\.text),
                recommendations: minutes.recommendations.filter { $0.minute == item.number }.map(\.resolution))
        }
    }
}
