import QuorumDomain

/// A meeting: details, deadlines, the agenda with its papers, questions, minutes, attendance and declarations.
struct MeetingPage: Sendable {
    let title: String
    let committee: Link
    let date: String
    let isoDate: String
    let venue: String
    let status: String
    let endedAt: String?
    let clerk: ContactView?
    let publicationDeadline: String
    let questionDeadline: String
    let agenda: [AgendaRow]
    let hasAgenda: Bool
    let questions: [QuestionView]
    let hasQuestions: Bool
    let minutes: [MinuteView]
    let hasMinutes: Bool
    let attendance: [AttendanceGroup]
    let hasAttendance: Bool
    let declarations: [DeclarationView]
    let hasDeclarations: Bool
    let previous: Link?
    let next: Link?
    /// "Quorum knows of this meeting only from …", for a meeting no paper of its own was imported for.
    let knownFrom: String?
    /// What to say when there is no agenda to show.
    let noAgenda: String
    let recommendations: [Link]
    let hasRecommendations: Bool
    /// "This meeting was cancelled: …", for a cancelled one.
    let cancellation: String?
    /// "Moved from Tuesday 2 June 2026.", for one moved since it was first set: its address keeps the first day.
    let movedFrom: String?
    /// For democratic services, while it can still be moved or cancelled.
    let scheduleHref: String?
    /// For democratic services: where the agenda is built and published.
    let agendaHref: String?
    /// For democratic services: where the minutes are written and published.
    let minutesHref: String?
    /// "Draft minutes: to be confirmed at a later meeting.", or that they are approved.
    let minutesStanding: String?
    /// "Agenda published Monday 9 March 2026, 10.15 am", then each supplement.
    let publications: [String]
    let hasPublications: Bool
    /// The supplement of the questions and their answers, once published.
    let questionsHref: String?
    let frontSheetHref: String?
    /// For officers: a missed or near deadline, a meeting on a day the council does not work.
    let warnings: [String]
    let hasWarnings: Bool
    /// The public's form for a written question, until the question deadline.
    let askHref: String?
    /// When reports are due, from the committee's work programme.
    let reportDeadline: String?

    struct AgendaRow: Sendable {
        let number: String
        let title: String
        let description: [String]
        let pages: String?
        let href: String?
        let isExempt: Bool
    }

    struct QuestionView: Sendable {
        let number: String
        let asker: String
        let addressee: String
        let text: [String]
        let status: String
        let response: [String]
        let hasResponse: Bool
        let supplementary: Supplementary?
        struct Supplementary: Sendable {
            let number: String
            let text: [String]
            let response: [String]
        }
    }

    struct MinuteView: Sendable {
        let number: Int
        /// The number as the council prints it: "LLC 5/25", or "42.".
        let printed: String
        let title: String
        let text: [String]
        let resolutions: [ResolutionView]
        let hasResolutions: Bool
        let leadIn: String?
    }

    struct ResolutionView: Sendable {
        let number: String?
        let text: String
        /// For a scrutiny officer: the form to make it a recommendation.
        var recommendHref: String? = nil
    }

    struct AttendanceGroup: Sendable {
        let heading: String
        let people: [PersonLine]
    }

    struct PersonLine: Sendable {
        let name: String
        let href: String
        let note: String?
    }

    struct DeclarationView: Sendable {
        let person: PersonLine
        let item: String?
        let kind: String
        let reason: String
    }

    init(
        committee: Committee, meeting: Meeting, rules: DeadlineRules, agenda: [Visibility.AgendaEntry], questions: [Question],
        minutes: [MinuteItem], attendance: [Attendance], declarations: [DeclarationOfInterest], people: [Person.ID: Person], previous: Meeting?,
        next: Meeting?, recommendations: [Recommendation] = [], viewer: User? = nil, now: LocalDateTime? = nil, reportDeadline: CalendarDay? = nil,
        publications: [AgendaPublication] = []
    ) {
        self.reportDeadline = reportDeadline?.councilStyle
        let today = now?.day
        askHref = now.flatMap { meeting.takesQuestions(at: $0, rules: rules, calendar: .englandAndWales) ? Paths.meeting(meeting.id) + "/questions/new" : nil }
        if case .cancelled(let reason) = meeting.status {
            cancellation = "This meeting was cancelled" + (reason.map { ": \($0)" } ?? ".")
        } else {
            cancellation = nil
        }
        movedFrom = meeting.originalDay.flatMap { $0 == meeting.start.day ? nil : "Moved from \($0.councilStyle)." }
        scheduleHref = viewer?.mayScheduleMeetings == true && MeetingChanges.isOpen(meeting) ? Paths.meeting(meeting.id) + "/schedule" : nil
        agendaHref = viewer?.mayScheduleMeetings == true && MeetingChanges.isOpen(meeting) ? Paths.meeting(meeting.id) + "/agenda" : nil
        switch meeting.status {
        case .held:
            minutesStanding = "Draft minutes: to be confirmed as a correct record at a later meeting."
            minutesHref = viewer?.mayWriteMinutes == true ? Paths.meeting(meeting.id) + "/minutes" : nil
        case .minutesApproved:
            minutesStanding = "Approved as a correct record."
            minutesHref = nil
        case .scheduled, .agendaPublished:
            minutesStanding = nil
            minutesHref = viewer?.mayWriteMinutes == true ? Paths.meeting(meeting.id) + "/minutes" : nil
        case .cancelled:
            minutesStanding = nil
            minutesHref = nil
        }
        self.publications = publications.map(\.summary)
        hasPublications = !publications.isEmpty
        questionsHref = publications.contains(where: \.isQuestions) ? Paths.meeting(meeting.id) + "/questions" : nil
        frontSheetHref = agenda.isEmpty ? nil : Paths.meeting(meeting.id) + "/front-sheet"
        warnings =
            viewer?.role.isOfficer == true && !(viewer?.isDisabled ?? true)
            ? today.map { meeting.scheduleWarnings(today: $0, rules: rules, calendar: .englandAndWales).map(\.message) } ?? [] : []
        hasWarnings = !warnings.isEmpty
        title = "\(committee.name), \(meeting.start.day.councilStyle)"
        self.committee = Link(text: committee.name, href: Paths.committee(committee.id))
        date =
            meeting.knownFrom == nil
            ? meeting.start.councilStyle + (meeting.startCondition.map { ", \($0)" } ?? "")
            : meeting.start.day.councilStyle + " (time not known)"
        knownFrom = meeting.knownFrom.map { "Quorum knows of this meeting only from \($0); it holds none of the meeting's own papers." }
        noAgenda =
            switch meeting.status {
            case .scheduled: "The agenda has not been published."
            default: "Quorum holds no copy of this meeting's agenda."
            }
        self.recommendations = recommendations.map { Link(text: "\($0.topic): recommendation \($0.number)", href: Paths.recommendation($0.id)) }
        hasRecommendations = !recommendations.isEmpty
        isoDate = meeting.start.day.iso
        venue = meeting.venue
        status = meeting.status.label
        endedAt = meeting.status.endedAt?.councilStyle
        clerk = (meeting.clerk ?? committee.clerk).map(ContactView.init)
        let deadlines = meeting.deadlines(rules: rules, calendar: .englandAndWales)
        publicationDeadline = deadlines.agendaPublication.councilStyle
        questionDeadline = deadlineStyle(deadlines.questions)
        self.agenda = agenda.map { entry in
            AgendaRow(
                number: entry.item.number, title: entry.item.title, description: paragraphs(entry.item.description),
                pages: entry.item.pages?.description,
                // The minutes item links to those minutes: the previous meeting's.
                href: entry.report.map { _ in Paths.agendaItem(entry.item.id) }
                    ?? (isMinutesTitle(entry.item.title) ? previous.map { Paths.meeting($0.id) + "#minutes" } : nil),
                isExempt: entry.item.isExempt)
        }
        hasAgenda = !agenda.isEmpty
        func line(_ id: Person.ID, note: String? = nil) -> PersonLine {
            let person = people[id]
            return PersonLine(name: person?.styledName ?? "Unknown", href: Paths.person(id), note: note)
        }
        self.questions = questions.map { question in
            let asker: String =
                switch question.asker {
                case .publicMember(let name, let place?): "\(name), \(place)"
                case .publicMember(let name, nil): name
                case .councillor(let id): people[id]?.styledName ?? "A councillor"
                }
            var response: [String] = []
            if case .answered(let text) = question.status { response = paragraphs(text) }
            if case .rejected(let reason) = question.status { response = ["Not accepted: " + reason] }
            return QuestionView(
                number: question.number, asker: asker, addressee: question.addressee, text: paragraphs(question.text), status: question.status.label,
                response: response, hasResponse: !response.isEmpty,
                supplementary: question.supplementary.map {
                    .init(number: $0.number ?? "Supplementary question", text: paragraphs($0.text), response: paragraphs($0.response ?? ""))
                })
        }
        hasQuestions = !questions.isEmpty
        // For a scrutiny officer, each resolution can become a recommendation, with the form filled in from it.
        let mayRecommend = viewer?.mayTrackRecommendations == true
        self.minutes = minutes.map { minute in
            MinuteView(
                number: minute.number, printed: minute.reference ?? "\(minute.number).", title: minute.title, text: paragraphs(minute.text),
                resolutions: minute.resolutions.enumerated().map { index, resolution in
                    let href =
                        mayRecommend
                        ? "/recommendations/new"
                            + queryString([
                                "committee": committee.slug, "meeting": meeting.start.day.iso, "topic": minute.title.capitalizedAsTitle,
                                "number": resolution.number ?? String(index + 1), "text": resolution.text,
                            ]) : nil
                    return ResolutionView(number: resolution.number, text: resolution.text, recommendHref: href)
                },
                hasResolutions: !minute.resolutions.isEmpty, leadIn: minute.resolutionLeadIn)
        }
        hasMinutes = !minutes.isEmpty
        var groups: [(String, [PersonLine])] = [
            ("Present", []), ("Attended virtually (did not vote)", []), ("Apologies", []), ("Named substitutes", []), ("In attendance", []),
            ("Officers", []),
        ]
        for row in attendance {
            switch row.kind {
            case .present(let role): groups[0].1.append(line(row.person, note: role))
            case .virtual: groups[1].1.append(line(row.person))
            case .apologies: groups[2].1.append(line(row.person))
            case .substitute(let member): groups[3].1.append(line(row.person, note: "for \(people[member]?.styledName ?? "a member")"))
            case .inAttendance(let capacity): groups[4].1.append(line(row.person, note: capacity))
            case .officer(let jobTitle): groups[5].1.append(line(row.person, note: jobTitle))
            }
        }
        self.attendance = groups.filter { !$0.1.isEmpty }.map { AttendanceGroup(heading: $0.0, people: $0.1) }
        hasAttendance = !attendance.isEmpty
        self.declarations = declarations.map {
            DeclarationView(person: line($0.person), item: $0.agendaItemNumber, kind: $0.kind, reason: $0.reason)
        }
        hasDeclarations = !declarations.isEmpty
        self.previous = previous.map { Link(text: $0.start.day.councilStyle, href: Paths.meeting($0.id)) }
        self.next = next.map { Link(text: $0.start.day.councilStyle, href: Paths.meeting($0.id)) }
    }
}

/// A report, readable as a web page.
struct ReportPage: Sendable {
    let title: String
    let meeting: Link
    let committee: Link
    let itemNumber: String
    let reportBy: String
    let author: ContactView?
    let democraticServices: ContactView?
    let cabinetPortfolio: String?
    /// "Minute 45 of the meeting on Tuesday 14 January 2025".
    let requestedAt: String?
    let classification: String
    let decisionType: String
    let wardsAffected: String?
    let purpose: [String]
    let recommendations: [Lettered]
    let hasRecommendations: Bool
    let sections: [Section]
    let appendices: [Lettered]
    let hasAppendices: Bool
    let pages: String?
    /// The papers as uploaded, to download.
    let papers: [Link]
    let hasPapers: Bool
    /// The improvement plan the report presented, where Quorum holds it.
    var plan: Link? = nil

    struct Section: Sendable {
        let heading: String
        let paragraphs: [String]
        let isSubsection: Bool
    }

    /// A lettered recommendation ("a)") or a listed appendix ("Appendix 2: Costs"); a recommendation printed without a
    /// letter has none.
    struct Lettered: Sendable {
        let label: String?
        let text: String
        init(label: String, text: String) {
            self.label = label.isEmpty ? nil : label
            self.text = text
        }
    }

    init(committee: Committee, meeting: Meeting, item: AgendaItem, report: Report, papers: [Paper] = []) {
        self.papers = papers.map { Link(text: $0.describedForDownload, href: Paths.meeting(meeting.id) + "/papers/" + $0.key) }
        hasPapers = !papers.isEmpty
        title = report.title
        self.meeting = Link(text: "\(committee.name), \(meeting.start.day.councilStyle)", href: Paths.meeting(meeting.id))
        self.committee = Link(text: committee.name, href: Paths.committee(committee.id))
        itemNumber = item.number
        reportBy = report.reportBy
        author = report.author.map(ContactView.init)
        democraticServices = report.democraticServices.map(ContactView.init)
        cabinetPortfolio = report.cabinetPortfolio
        requestedAt = report.requestedAt.map { request in
            request.minute + (request.meetingDay.map { " of the meeting on \($0.councilStyle)" } ?? "")
        }
        // The printed classification says more ("Open report with exempt appendix") only of an open report; an exempt
        // report's page is never built.
        classification = report.classificationText ?? report.classification.label
        decisionType = report.decisionType.label
        wardsAffected = report.wardsAffected.allSatisfy(\.isWhitespace) ? nil : report.wardsAffected
        purpose = paragraphs(report.purpose)
        recommendations = report.recommendations.map { Lettered(label: $0.letter, text: $0.text) }
        hasRecommendations = !report.recommendations.isEmpty
        // A section the writer has not filled in (a report built in Quorum has them all) is not printed, unless
        // subsections follow it.
        let written = report.sections.indices.filter { index in
            let section = report.sections[index]
            let followed = section.kind != .other && report.sections.indices.contains(index + 1) && report.sections[index + 1].kind == .other
            return followed || !section.text.allSatisfy(\.isWhitespace)
        }.map { report.sections[$0] }
        sections = written.map { Section(heading: $0.heading, paragraphs: paragraphs($0.text), isSubsection: $0.kind == .other) }
        appendices = report.appendices.map { Lettered(label: $0.label, text: $0.title) }
        hasAppendices = !report.appendices.isEmpty
        pages = item.pages?.description
    }
}
