import QuorumDomain

extension PackRecordsBuilder {
    /// The minutes of the previous meeting: that meeting, who attended, what was declared, asked and resolved.
    mutating func addMinutes(_ minutes: Minutes) {
        guard let date = minutes.meetingDate else {
            flag("meeting", meeting.id.rawValue, "The minutes in the pack give no meeting date, so they were not recorded.", minutes.line)
            return
        }
        let start = LocalDateTime(date, minutes.startTime ?? meeting.start.time)
        let held = Meeting(of: committee.id, on: start, venue: minutes.venue ?? "", status: .held(endedAt: minutes.endTime))
        records.meetings.append(held)
        if minutes.endTime == nil, let text = minutes.endedText {
            flag("meeting", held.id.rawValue, "The end of the meeting is recorded as “\(text)”, which gives no time.", minutes.endedLine ?? minutes.line)
        }
        for text in minutes.unparsed { flagUnrecognised("meeting", held.id.rawValue, in: "the minutes", text, unparsedLine(text) ?? minutes.line) }

        var seen: Set<Person.ID> = []
        func attend(_ id: Person.ID, _ kind: Attendance.Kind) {
            guard seen.insert(id).inserted else { return }
            records.attendance.append(Attendance(of: id, at: held.id, kind: kind, position: seen.count))
        }
        for attendee in minutes.present {
            guard let name = attendee.name else { continue }
            let role: String? =
                switch attendee.role {
                case .chairperson: "chairperson"
                case .viceChairperson: "vice-chairperson"
                default: nil
                }
            attend(person(name, title: attendee.title ?? "Councillor"), .present(role: role))
        }
        for attendee in minutes.virtualAttendees {
            guard let name = attendee.name else { continue }
            attend(person(name, title: attendee.title), .virtual)
        }
        for attendee in minutes.inAttendance {
            guard let name = attendee.name else { continue }
            attend(person(name, title: attendee.title), .inAttendance(capacity: attendee.description))
        }
        for officer in minutes.officers {
            guard let name = officer.name else {
                flag("meeting", held.id.rawValue, "An officer is recorded only as “\(officer.description ?? "")”, without a name.", minutes.line)
                continue
            }
            let jobTitle = officer.description ?? "Officer"
            attend(person(name, title: officer.title, jobTitle: officer.description), .officer(jobTitle: jobTitle))
        }
        for apology in minutes.apologies {
            attend(person(apology.name, title: apology.title), .apologies)
        }
        for substitution in minutes.substitutes {
            let member = person(substitution.member, title: "Councillor")
            attend(person(substitution.substitute, title: "Councillor"), .substitute(for: member))
        }
        for (index, declaration) in minutes.declarations.enumerated() {
            records.declarations.append(
                DeclarationOfInterest(
                    id: .init(under: held.id, "declarations/\(index + 1)"), meeting: held.id, person: person(declaration.member, title: "Councillor"),
                    agendaItemNumber: declaration.item, kind: declaration.kind ?? "Interest", reason: declaration.reason ?? declaration.text))
        }
        for item in minutes.items {
            var text = TemplateText.cleaned(item.text)
            if !item.actions.isEmpty { text += ["Actions arising:"] + item.actions }
            let resolutions = item.resolutions.enumerated().map { index, resolution in
                Resolution(number: item.resolutions.count > 1 ? String(index + 1) : nil, text: resolution)
            }
            records.minuteItems.append(
                QuorumDomain.MinuteItem(
                    number: item.number, of: held.id, title: item.title, text: text.joined(separator: "\n"), resolutions: resolutions,
                    access: item.access, resolutionLeadIn: item.resolutions.count > 1 ? item.resolutionLeadIn : nil, reference: item.reference))
        }
        for question in minutes.questions {
            let asker: QuorumDomain.Question.Asker =
                switch question.kind {
                case .member: .councillor(person(question.questioner, title: "Councillor"))
                case .public, .supplementary: .publicMember(name: question.questioner, place: question.place)
                }
            let status: QuorumDomain.Question.Status = question.response.map { .answered(response: $0) } ?? .accepted
            records.questions.append(
                QuorumDomain.Question(
                    number: question.number, at: held.id, asker: asker, addressee: question.addressee ?? question.respondent ?? "Not stated",
                    text: question.text, status: status))
        }
    }
}
