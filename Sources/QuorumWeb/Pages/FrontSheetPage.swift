import QuorumDomain

/// An agenda's front sheet, as the council prints it: the meeting, whom to contact, the membership, the numbered
/// agenda, and the public's rights to information. Made to print cleanly from the browser.
struct FrontSheetPage: Sendable {
    let title: String
    let council: String
    let committee: String
    let date: String
    let time: String
    let venue: String
    let clerk: ContactView?
    let members: [Member]
    let hasMembers: Bool
    let items: [Item]
    let publications: [String]
    let questionDeadline: String
    let rights: [String]
    let back: Link

    struct Member: Sendable {
        let name: String
        let role: String
    }

    struct Item: Sendable {
        let number: String
        let title: String
        let description: String
        let pages: String?
    }

    init(
        council: String, committee: Committee, meeting: Meeting, agenda: [Visibility.AgendaEntry], members: [(Membership, Person)],
        publications: [AgendaPublication], rules: DeadlineRules
    ) {
        title = "Agenda: \(committee.name), \(meeting.start.day.councilStyle)"
        self.council = council
        self.committee = committee.name
        date = meeting.start.day.councilStyle
        time = meeting.start.time.councilStyle + (meeting.startCondition.map { " " + $0 } ?? "")
        venue = meeting.venue
        clerk = (meeting.clerk ?? committee.clerk).map(ContactView.init)
        self.members = members.map { Member(name: $0.1.styledName, role: $0.0.role.label) }
        hasMembers = !members.isEmpty
        items = agenda.map { Item(number: $0.item.number, title: $0.item.title, description: $0.item.description, pages: $0.item.pages?.description) }
        self.publications = publications.map { "\($0.label) published \($0.at.day.councilStyle)" }
        questionDeadline = deadlineStyle(meeting.deadlines(rules: rules, calendar: .englandAndWales).questions)
        rights = [
            "Attend all meetings of the council, its cabinet, committees and sub-committees, except where exempt or confidential information is discussed.",
            "See the agenda and the open reports at least \(rules.agendaClearWorkingDays) clear working days before the meeting.",
            "See the minutes of a meeting, and a summary of any part held in private, for six years after the meeting.",
            "See the background papers a report lists, for four years after the meeting.",
            "See a list of the members of the council and of each committee, with how to contact them.",
            "Have copies of agendas, reports and minutes, on payment of a reasonable charge where one is made.",
        ]
        back = Link(text: "Back to the meeting", href: Paths.meeting(meeting.id))
    }
}
