import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// The agenda, reports and questions of one meeting.
extension CommitteeYear {
    /// The standard items first, in the constitution's order, then the substantive items with their
    /// reports, sometimes an exempt item, then the work programme.
    mutating func addAgenda(for meeting: Meeting, substantive titles: [String]) -> [AgendaItem] {
        var items: [AgendaItem] = []
        var page = random.int(5...8)
        func pages(_ count: Int) -> PageRange? {
            defer { page += count }
            return PageRange(first: page, last: page + count - 1)
        }
        let standard: [(String, String, Int)] = [
            ("APOLOGIES FOR ABSENCE", "To receive apologies for absence.", 0),
            ("NAMED SUBSTITUTES (IF ANY)", "To receive details of any member nominated to attend the meeting in place of a member of the committee.", 0),
            ("DECLARATIONS OF INTEREST", "To receive declarations of interests in respect of schedule 1, schedule 2 or other interests from members of the committee in respect of items on the agenda.", 0),
            ("MINUTES", "To approve the minutes of the previous meeting.", random.int(6...10)),
            ("QUESTIONS FROM MEMBERS OF THE PUBLIC", "To receive any written questions from members of the public.", 0),
            ("QUESTIONS FROM MEMBERS OF THE COUNCIL", "To receive any written questions from members of the council.", 0),
        ]
        for (title, description, pageCount) in standard {
            items.append(AgendaItem(
                number: "\(items.count + 1)", of: meeting.id, position: items.count + 1, title: title, description: description,
                pages: pageCount > 0 ? pages(pageCount) : nil))
        }
        for title in titles {
            let item = AgendaItem(
                number: "\(items.count + 1)", of: meeting.id, position: items.count + 1, title: title.uppercased(),
                description: "To " + random.pick(["consider", "review", "scrutinise", "receive"]) + " the " + title + ".", pages: pages(random.int(10...30)))
            items.append(item)
            addReport(for: item, title: capitalised(title))
        }
        if random.chance(0.15) {
            let paragraph = random.pick([Schedule12A.individual, .financialOrBusinessAffairs, .legalPrivilege])
            let item = AgendaItem(
                number: "\(items.count + 1)", of: meeting.id, position: items.count + 1, title: "EXEMPT: \(random.pick(cast.theme.topics).uppercased()) CONTRACT",
                description: "To consider an exempt report.", pages: pages(random.int(3...8)), access: .exempt(paragraph: paragraph))
            items.append(item)
            var report = Report(for: item, title: "Exempt contract matter")
            report.reportBy = random.pick(cast.officers).jobTitle ?? ""
            report.purpose = "Exempt information under \(paragraph.label)."
            batch.reports.append(report)
        }
        items.append(AgendaItem(
            number: "\(items.count + 1)", of: meeting.id, position: items.count + 1, title: "WORK PROGRAMME",
            description: "To consider the draft work programme for the committee.", pages: pages(random.int(6...12))))
        batch.agendaItems.append(contentsOf: items)
        return items
    }

    private mutating func addReport(for item: AgendaItem, title: String) {
        var report = Report(for: item, title: title)
        report.reportBy = random.pick(cast.officers).jobTitle ?? "Director"
        report.decisionType = random.weighted([(.notAnExecutiveDecision, 6), (.nonKey, 2), (.key, 1)])
        report.wardsAffected = random.chance(0.7) ? "All wards" : random.sample(CouncilVocabulary.places, random.int(1...3)).joined(separator: "; ")
        report.purpose = text.paragraph(sentences: 2...3)
        report.recommendations = ["a", "b", "c"].prefix(random.int(1...3)).map {
            .init(letter: $0, text: $0 == "a" ? "The committee notes the report and " + text.nounPhrase() + "." : text.resolution(to: "the committee"))
        }
        var sections: [Report.Section] = [.init(kind: .keyConsiderations, heading: "Key considerations", text: text.paragraphs(2...4))]
        for heading in random.sample(["Background", "Performance against targets", "Feedback from residents", "Benchmarking", "Next steps"], random.int(1...2)) {
            sections.append(.init(kind: .other, heading: heading, text: text.paragraphs(1...3)))
        }
        for kind in [Report.SectionKind.alternativeOptions, .communityImpact, .environmentalImpact, .equalityDuty, .resourceImplications, .legalImplications, .riskManagement] {
            sections.append(.init(kind: kind, heading: kind.heading, text: text.paragraph(sentences: 2...5)))
        }
        sections.append(.init(kind: .consultees, heading: "Consultees", text: "\(random.pick(cast.theme.partners)); " + random.pick(["ward members", "the Cabinet Member", "service users", "Healthwatch"]) + "."))
        sections.append(.init(kind: .backgroundPapers, heading: "Background papers", text: random.chance(0.7) ? "None identified." : "The \(text.nounPhrase()) report."))
        report.sections = sections
        report.appendices = (0..<random.int(0...2)).map { n in
            .init(label: "Appendix \(n + 1)", title: capitalised(String(text.nounPhrase().dropFirst(4))), access: random.chance(0.08) ? .exempt(paragraph: .financialOrBusinessAffairs) : .open)
        }
        let published = item.meeting.rawValue.split(separator: "/").last.flatMap { CalendarDay(iso: $0) }?.adding(days: -8)
        report.clearance = ["Governance", "Finance", "Legal", "Equality Duty", "Approved by"].map {
            .init(area: $0, name: random.pick(CouncilVocabulary.firstNames) + " " + random.pick(CouncilVocabulary.surnames), date: published?.adding(days: -random.int(1...10)))
        }
        batch.reports.append(report)
    }

    mutating func addQuestions(at meeting: Meeting) {
        let isHeld = meeting.start.day <= asOf
        let publicCount = random.weighted([(0, 2), (1, 3), (2, 3), (3, 2)])
        let memberCount = random.weighted([(0, 1), (1, 1)])
        let received = LocalDateTime(meeting.start.day.adding(days: -random.int(7...12)), TimeOfDay(hour: random.int(9...16), minute: random.int(0...59))!)
        let addressee = "Cabinet Member \(cast.theme.portfolio)"
        for n in 0..<(publicCount + memberCount) {
            let isPublic = n < publicCount
            let number = isPublic ? "PQ \(n + 1)" : "MQ \(n - publicCount + 1)"
            let asker: Question.Asker =
                isPublic
                ? .publicMember(name: "\(random.pick(["Mr", "Mrs", "Ms", "Dr"])) \(random.pick(CouncilVocabulary.surnames))", place: random.pick(CouncilVocabulary.places))
                : .councillor(random.pick(cast.memberships).person)
            let question = "Will the Cabinet Member explain how \(text.nounPhrase()) for \(random.pick(cast.theme.topics)) \(random.pick(CouncilVocabulary.predicates))?"
            var status: Question.Status = isHeld ? .answered(response: text.paragraph(sentences: 2...4)) : random.chance(0.5) ? .accepted : .received
            if random.chance(0.08) { status = .rejected(reason: "The question did not relate to an item on the agenda.") }
            let supplementary: Question.Supplementary? =
                isHeld && random.chance(0.4)
                ? .init(number: isPublic ? "SPQ \(n + 1)" : nil, text: text.sentence(), response: random.chance(0.8) ? text.sentence() : nil) : nil
            batch.questions.append(Question(
                number: number, at: meeting.id, asker: asker, addressee: addressee, text: question, receivedAt: received, status: status,
                supplementary: supplementary))
        }
    }
}
