import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// What happened at a held meeting: attendance, declarations, minutes, recommendations and actions.
extension CommitteeYear {
    /// Records who came and returns the members present (councillors and co-opted members).
    mutating func addAttendance(at meeting: Meeting) -> [Person.ID] {
        let day = meeting.start.day
        let current = cast.memberships.filter { $0.isCurrent(on: day) }
        let members = current.filter { $0.role != .namedSubstitute }
        let substitutes = current.filter { $0.role == .namedSubstitute }.map(\.person)
        let absent = Set(random.sample(members.filter { $0.role != .chairperson }.map(\.person), random.weighted([(0, 2), (1, 4), (2, 3)])))
        let virtual = random.chance(0.15) ? members.first { !absent.contains($0.person) && $0.role == .councillor }?.person : nil
        var present: [Person.ID] = []
        var substitutesLeft = substitutes
        for membership in members {
            let person = membership.person
            let kind: Attendance.Kind
            if absent.contains(person) {
                kind = .apologies
                if !substitutesLeft.isEmpty && random.chance(0.4) {
                    let substitute = substitutesLeft.removeFirst()
                    batch.attendance.append(Attendance(of: substitute, at: meeting.id, kind: .substitute(for: person)))
                    present.append(substitute)
                }
            } else if person == virtual {
                kind = .virtual
            } else {
                switch membership.role {
                case .chairperson: kind = .present(role: "chairperson")
                case .viceChairperson: kind = .present(role: "vice-chairperson")
                default: kind = .present(role: nil)
                }
                present.append(person)
            }
            batch.attendance.append(Attendance(of: person, at: meeting.id, kind: kind))
        }
        batch.attendance.append(Attendance(of: cast.cabinetMember.id, at: meeting.id, kind: .inAttendance(capacity: "Cabinet Member \(cast.theme.portfolio)")))
        for officer in random.sample(cast.officers, random.int(2...4)) {
            batch.attendance.append(Attendance(of: officer.id, at: meeting.id, kind: .officer(jobTitle: officer.jobTitle ?? "Officer")))
        }
        return present
    }

    mutating func addDeclaration(at meeting: Meeting, people: [Person.ID], items: [AgendaItem]) {
        guard random.chance(0.3), !people.isEmpty else { return }
        let item = random.pick(Array(items[6..<items.count - 1]))
        batch.declarations.append(DeclarationOfInterest(
            id: .init(under: meeting.id, "declarations/1"), meeting: meeting.id, person: random.pick(people), agendaItemNumber: item.number,
            kind: year < 2021 ? "non-pecuniary" : "Other Interest",
            reason: random.pick(["A governor of a school in the county.", "A family member is employed by the service.", "A member of the partner body's board.", "Lives in an affected ward."])))
    }

    mutating func addMinutes(of meeting: Meeting, items: [AgendaItem], present: [Person.ID]) {
        let attended: [Attendance] = batch.attendance.filter { $0.meeting == meeting.id }
        let apologies: [String] = attended.filter { $0.kind == Attendance.Kind.apologies }.map { names[$0.person] ?? "" }
        let substitutes: [String] = attended.compactMap { (a: Attendance) -> String? in
            guard case .substitute(let absent) = a.kind else { return nil }
            return "\(names[a.person] ?? "") attended as a substitute for \(names[absent] ?? "")."
        }
        let declarations = batch.declarations.filter { $0.meeting == meeting.id }
        let questions = batch.questions.filter { $0.meeting == meeting.id }
        var recommendationNumber = 1
        for item in items {
            var body = ""
            var resolutions: [Resolution] = []
            switch item.position {
            case 1: body = apologies.isEmpty ? "No apologies for absence were received." : "Apologies for absence were received from \(apologies.joined(separator: ", "))."
            case 2: body = substitutes.isEmpty ? "There were no named substitutes." : substitutes.joined(separator: " ")
            case 3:
                body = declarations.isEmpty ? "No declarations of interest were made." : declarations.map { "\(names[$0.person] ?? "") declared an interest (\($0.kind)) in agenda item \($0.agendaItemNumber ?? ""): \($0.reason)" }.joined(separator: " ")
            case 4: resolutions = [Resolution(text: "That the minutes of the previous meeting be confirmed as a correct record and be signed by the Chairperson.")]
            case 5, 6:
                let asked = questions.filter { $0.asker.isPublic == (item.position == 5) }
                body = asked.isEmpty ? "No questions had been received." : "\(asked.count) question(s) had been received. The questions and the answers given are attached to these minutes."
            default:
                if item.isExempt {
                    body = "The committee considered the exempt report in private session."
                    resolutions = [Resolution(text: "That the recommendations in the exempt report be agreed.")]
                } else if item.title == "WORK PROGRAMME" {
                    body = "The Statutory Scrutiny Officer introduced the draft work programme. " + text.paragraph(sentences: 2...3)
                    resolutions = [Resolution(text: "That the work programme be approved, subject to the amendments discussed.")]
                } else {
                    body = text.paragraphs(2...3)
                    resolutions = [Resolution(number: "1", text: "That the report be noted.")]
                    let count = (random.chance(0.8) ? 1 : 0) + (random.chance(0.2) ? 1 : 0)
                    for _ in 0..<count {
                        let recommendation = addRecommendation(number: recommendationNumber, topic: capitalised(item.title.lowercased()), meeting: meeting)
                        resolutions.append(Resolution(number: "\(resolutions.count + 1)", text: recommendation.text))
                        recommendationNumber += 1
                    }
                    if random.chance(0.5) { addAction(meeting: meeting) }
                }
            }
            batch.minuteItems.append(MinuteItem(number: nextMinute, of: meeting.id, title: item.title, text: body, resolutions: resolutions))
            nextMinute += 1
        }
    }

    private mutating func addRecommendation(number: Int, topic: String, meeting: Meeting) -> Recommendation {
        let theme = cast.theme
        let addressee: Recommendation.Addressee = random.weighted([
            (.cabinetMember("Cabinet Member \(theme.portfolio)"), 4), (.cabinet, 2), (.partner(random.pick(theme.partners)), 2),
            (.officers(random.pick(cast.officers).jobTitle ?? "Officers"), 2), (.council, 1), (.committee, 1),
        ])
        let rule: ResponseRule = theme.isStatutory ? .statutory28Days : .standard
        let made = meeting.start.day
        let sent = made.adding(days: random.int(4...14))
        let sentOn: CalendarDay? = sent <= asOf ? sent : nil
        var dueOn = sentOn.map { responseDueDate(sent: $0, rule: rule, rules: authority.rules) }
        var response = Recommendation.Response.awaiting
        if let sent = sentOn, let due = dueOn {
            let answered = random.chance(due < asOf ? 0.8 : 0.35)
            let on = sent.adding(days: random.int(10...(due < asOf ? 90 : max(10, sent.days(until: asOf)))))
            if answered && on <= asOf {
                let outcome = random.weighted([(Recommendation.Outcome.accepted, 45), (.acceptedInPart, 20), (.rejected, 10), (.noted, 20), (.resolved, 5)])
                response = .received(on: random.chance(0.95) ? on : nil, text: text.paragraph(sentences: 1...3), outcome: outcome)
            } else if due < asOf && random.chance(0.3) {
                response = .notPursued(on: random.chance(0.5) ? due.adding(days: 120) : nil, reason: "The committee agreed not to pursue the recommendation further.")
            }
        }
        if sentOn != nil && random.chance(0.01) { dueOn = sentOn?.adding(days: -random.int(30...90)) }  // real trackers have such slips
        let recommendation = Recommendation(
            number: "\(number)", of: committee.id, madeOn: made, topic: topic, text: text.resolution(to: addressee.label),
            addressee: addressee, responseRule: rule, sentOn: sentOn, dueOn: dueOn, response: response)
        batch.recommendations.append(recommendation)
        for message in recommendation.inconsistencies(rules: authority.rules) where message.contains("before") {
            batch.warnings.append(RecordWarning(entity: "recommendation", entityId: recommendation.id.rawValue, message: message, source: "quorum-bench"))
        }
        return recommendation
    }

    private mutating func addAction(meeting: Meeting) {
        let day = meeting.start.day
        let due = day.adding(days: random.int(21...60))
        let complete = due.adding(days: random.int(-10...40))
        batch.actions.append(CommitteeAction(
            id: .init(under: committee.id, "actions/\(nextAction)"), committee: committee.id, number: "\(nextAction)", meetingDay: day,
            action: "Officers to circulate " + text.nounPhrase() + " for " + random.pick(cast.theme.topics) + " to members.",
            owner: random.pick(cast.officers).jobTitle ?? "Officer", directorate: cast.theme.directorate,
            progress: complete <= asOf ? "Circulated to members." : "In progress.", dueOn: due,
            reportedCompleteOn: complete <= asOf && random.chance(0.9) ? complete : nil))
        nextAction += 1
    }
}
