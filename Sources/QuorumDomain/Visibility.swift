/// Who is looking at the record.
public enum Audience: String, Hashable, Sendable, CaseIterable {
    /// Anyone: the website, search, feeds, calendars, CSV exports, the API and alerts.
    case `public`
    /// An officer of the council, who may read exempt information.
    case officer
}

/// The one rule for what each audience may see of a meeting's papers. Every route that shows a paper (pages,
/// search, feeds, calendars, CSV, the API, and alerts to come) asks this type, and the search index is written
/// through it, so a paper becomes public at one moment for all of them.
///
/// The public sees an agenda and its reports from the moment the agenda is published (a meeting that is only
/// scheduled shows none of its papers), and never anything exempt: an exempt item shows its number and why it is
/// private, an exempt report is not shown at all, an exempt appendix shows its label and why it is private (its
/// title and text are withheld), and an exempt minute shows its number and "Minute exempt under paragraph N".
public struct Visibility: Hashable, Sendable {
    public let audience: Audience

    public init(_ audience: Audience) { self.audience = audience }

    public static let `public` = Visibility(.public)
    public static let officer = Visibility(.officer)

    /// An agenda item with the report this audience may read, if any.
    public struct AgendaEntry: Hashable, Sendable {
        public let item: AgendaItem
        public let report: Report?
    }

    /// Whether this audience may read something with this access.
    public func mayRead(_ access: Access) -> Bool { audience == .officer || access == .open }

    /// Whether this audience may see the papers of `meeting` at all: the public only once its agenda is published.
    public func maySeePapers(of meeting: Meeting) -> Bool {
        audience == .officer || meeting.status != .scheduled
    }

    /// A meeting's agenda as this audience may see it, in order, each item with its readable report.
    public func agenda(_ items: [AgendaItem], reports: [Report], of meeting: Meeting) -> [AgendaEntry] {
        guard maySeePapers(of: meeting) else { return [] }
        return items.map { item in
            AgendaEntry(item: self.item(item), report: reports.first { $0.agendaItem == item.id }.flatMap { report($0, of: item, in: meeting) })
        }
    }

    /// An agenda item as this audience may see it: to the public, an exempt item keeps only its number, place and
    /// the reason it is private.
    public func item(_ item: AgendaItem) -> AgendaItem {
        guard !mayRead(item.access) else { return item }
        var copy = item
        copy.title = "Exempt item"
        copy.description = "This item is exempt under \(paragraphPhrase(item.access)) to the Local Government Act 1972 and is not published."
        copy.pages = nil
        return copy
    }

    /// The report as this audience may read it, or `nil` when it may not read it at all: a report is readable only
    /// when it belongs to `item`, and the item, the report and the meeting's papers are all readable. Exempt appendices
    /// of a readable report keep their label; their title and every section printed inside them are withheld.
    public func report(_ report: Report, of item: AgendaItem, in meeting: Meeting) -> Report? {
        guard report.agendaItem == item.id, report.meeting == meeting.id, maySeePapers(of: meeting) else { return nil }
        guard mayRead(item.access), mayRead(report.classification) else { return nil }
        guard audience == .public else { return report }
        var copy = report
        copy.appendices = report.appendices.map { appendix in
            guard !mayRead(appendix.access) else { return appendix }
            return Report.Appendix(label: appendix.label, title: "Exempt under \(paragraphPhrase(appendix.access)): not published", access: appendix.access)
        }
        copy.sections = report.sections.filter { section in
            guard let label = section.appendix else { return true }
            // Text inside an appendix the report does not list is withheld: nothing says it may be published.
            return report.appendix(label).map { mayRead($0.access) } ?? false
        }
        return copy
    }

    /// The uploaded papers of an agenda item this audience may download, given the item as this audience sees it
    /// (`agenda(_:reports:of:)`): none without a readable report; to the public, only those published with an agenda
    /// or supplement, and an appendix only while that appendix is open.
    public func papers(_ papers: [Paper], for entry: AgendaEntry) -> [Paper] {
        guard let report = entry.report else { return [] }
        return papers.filter { paper in
            guard paper.meeting == entry.item.meeting, paper.itemNumber == entry.item.number, audience == .officer || paper.publication != nil else { return false }
            guard let label = paper.appendix else { return true }
            return report.appendix(label).map { mayRead($0.access) } ?? false
        }
    }

    /// A meeting's questions as this audience may see them: the public sees each once it is accepted (questions are
    /// published as a supplement, when they are accepted, whether or not the agenda is out yet); one received and not
    /// yet decided, or rejected, is for democratic services. No question carries its asker's email address: that is
    /// held apart, for the clerk alone.
    public func questions(_ questions: [Question], of meeting: Meeting) -> [Question] {
        guard audience == .public else { return questions }
        return questions.filter { $0.status.isPublished }
    }

    /// A meeting's minutes as this audience may see them: to the public, an exempt minute keeps its number and says
    /// under which paragraph it is exempt; its title, discussion and resolutions are withheld.
    public func minutes(_ minutes: [MinuteItem], of meeting: Meeting) -> [MinuteItem] {
        guard maySeePapers(of: meeting) else { return [] }
        return minutes.map(minute)
    }

    public func minute(_ minute: MinuteItem) -> MinuteItem {
        guard !mayRead(minute.access) else { return minute }
        return MinuteItem(
            id: minute.id, meeting: minute.meeting, number: minute.number, title: "Exempt item", text: minute.access.withheldNotice("Minute"),
            resolutions: [], access: minute.access)
    }

    /// Declarations of interest as this audience may see them: the reason given for an interest in an exempt item (or
    /// the item its exempt minute records) often names the exempt matter, so the public sees only that there was one.
    public func declarations(_ declarations: [DeclarationOfInterest], items: [AgendaItem], minutes: [MinuteItem]) -> [DeclarationOfInterest] {
        guard audience == .public else { return declarations }
        let exempt = Set(items.filter { !mayRead($0.access) }.map(\.number) + minutes.filter { !mayRead($0.access) }.map { String($0.number) })
        return declarations.map { declaration in
            guard let number = declaration.agendaItemNumber, exempt.contains(number) else { return declaration }
            var copy = declaration
            copy.reason = "The interest relates to an exempt item; the reason is not published."
            return copy
        }
    }

    private func paragraphPhrase(_ access: Access) -> String {
        access.paragraph.map { "paragraph \($0.rawValue) of Schedule 12A" } ?? "Schedule 12A"
    }
}
