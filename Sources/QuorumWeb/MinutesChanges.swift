import Foundation
import QuorumDomain

/// A change to a meeting's working minutes, made by the store in one audited transaction.
typealias MinutesChange = @Sendable (inout Minutes) throws -> Void

/// The rules for writing minutes, whoever asks and however: each step read from submitted values, tried on the minutes
/// as they stand so that what is wrong comes back beside its field, and made again on the minutes as the store's
/// transaction reads them.
enum MinutesChanges {
    enum Step: String, Sendable, CaseIterable {
        /// The members' attendance: present, remote, apologies or not recorded, one field per member.
        case members
        /// Someone else: a named substitute, someone in attendance, an officer.
        case attendee
        case removeAttendee = "remove_attendee"
        case declare
        case withdraw
        /// A minute for each agenda item.
        case fromAgenda = "from_agenda"
        case addMinute = "add_minute"
        case removeMinute = "remove_minute"
        case renumber
        case approve
        case ended
        /// One minute's text and resolutions.
        case edit
        case mark
        case unmark
    }

    /// What the rules need to know of the meeting besides its minutes.
    struct Setting: Sendable {
        let meeting: Meeting
        let authority: Authority.ID
        /// The committee's members on the meeting's day, with their people, in published order.
        let members: [(membership: Membership, person: Person)]
        /// The agenda as published.
        let agenda: [AgendaItem]
        /// The committee's previous meeting, whose minutes this one may approve.
        let previous: Meeting?
        /// The number the meeting's first minute takes.
        let firstNumber: Int
    }

    /// The choices for a member's attendance, by the names the forms and the API use.
    static let memberChoices: [(String, String)] = [
        ("present", "Present"), ("virtual", "Attended virtually (did not vote)"), ("apologies", "Apologies"), ("absent", "Not recorded (absent)"),
    ]

    /// The kinds of other attendee.
    static let attendeeKinds: [(String, String)] = [
        ("substitute", "A named substitute for a member"), ("inAttendance", "In attendance (a cabinet member, another councillor)"),
        ("officer", "An officer"),
    ]

    /// The part of a person's identifier a form names them by.
    static func key(_ person: Person.ID) -> String { String(person.rawValue.split(separator: "/").last ?? "") }

    /// The choice a member's attendance shows as.
    static func choice(_ kind: Attendance.Kind?) -> String {
        switch kind {
        case .present: "present"
        case .virtual: "virtual"
        case .apologies: "apologies"
        default: "absent"
        }
    }

    /// The change `step` asks for, or what is wrong with what was sent.
    static func change(_ step: Step, _ values: some SubmittedValues, on minutes: Minutes, _ setting: Setting) -> Result<MinutesChange, FieldErrors> {
        var errors = FieldErrors()
        let change: MinutesChange
        switch step {
        case .members:
            var lines: [(Person.ID, Attendance.Kind?)] = []
            for (membership, person) in setting.members {
                let name = "member_" + key(person.id)
                let role: String? =
                    switch membership.role {
                    case .chairperson: "chairperson"
                    case .viceChairperson: "vice-chairperson"
                    default: nil
                    }
                switch values[name] {
                case "present": lines.append((person.id, .present(role: role)))
                case "virtual": lines.append((person.id, .virtual))
                case "apologies": lines.append((person.id, .apologies))
                case "absent", "": lines.append((person.id, nil))
                default: errors[name] = "Select how \(person.name) attended"
                }
            }
            guard errors.isEmpty else { return .failure(errors) }
            let wanted = lines
            change = { minutes in
                for (person, kind) in wanted {
                    if let kind { try minutes.record(kind, for: person) } else if minutes.attendance.contains(where: { $0.person == person }) {
                        minutes.removeAttendance(of: person)
                    }
                }
            }
        case .attendee:
            let name = values["attendee_name"]
            if name.isEmpty { errors["attendee_name"] = "Enter their name" } else if name.count > 200 {
                errors["attendee_name"] = "The name must be 200 characters or fewer"
            }
            let detail = values["capacity"]
            if detail.count > 300 { errors["capacity"] = "This must be 300 characters or fewer" }
            var kind: Attendance.Kind?
            var title: String?
            switch values["attendee_kind"] {
            case "substitute":
                guard let member = setting.members.first(where: { key($0.person.id) == values["substitute_for"] }) else {
                    errors["substitute_for"] = "Select the member they substituted for"
                    break
                }
                kind = .substitute(for: member.person.id)
                title = "Councillor"
            case "inAttendance":
                kind = .inAttendance(capacity: detail.isEmpty ? nil : detail)
            case "officer":
                if detail.isEmpty { errors["capacity"] = "Enter the officer's job title" } else { kind = .officer(jobTitle: detail) }
            default: errors["attendee_kind"] = "Select in what capacity they attended"
            }
            guard errors.isEmpty, let kind else { return .failure(errors) }
            let person = Person(named: name, of: setting.authority, title: title, jobTitle: { if case .officer(let job) = kind { job } else { nil } }())
            change = { try $0.record(kind, for: person.id, newPerson: person) }
        case .removeAttendee:
            guard let line = minutes.attendance.first(where: { key($0.person) == values["person"] }) else {
                return .failure(FieldErrors(messages: ["person": "That person is not in the attendance"]))
            }
            change = { $0.removeAttendance(of: line.person) }
        case .declare:
            guard let line = minutes.attendance.first(where: { key($0.person) == values["declarant"] }) else {
                return .failure(FieldErrors(messages: ["declarant": "Select the member who declared the interest"]))
            }
            let item = values["declaration_item"]
            if !item.isEmpty, !setting.agenda.contains(where: { $0.number == item }) { errors["declaration_item"] = "Select an item on the agenda" }
            guard errors.isEmpty else { return .failure(errors) }
            let (kind, reason) = (values["declaration_kind"], values["reason"])
            change = { try $0.declare(line.person, item: item.isEmpty ? nil : item, kind: kind, reason: reason) }
        case .withdraw:
            guard let declaration = minutes.declarations.first(where: { $0.id.rawValue.hasSuffix("/" + values["declaration"]) }) else {
                return .failure(FieldErrors(messages: ["declaration": "That declaration is not in the minutes"]))
            }
            change = { try $0.withdrawDeclaration(declaration.id) }
        case .fromAgenda:
            let (agenda, first) = (setting.agenda, setting.firstNumber)
            change = { try $0.addItems(from: agenda, startingAt: first) }
        case .addMinute:
            let access = access(values, "minute_access", &errors)
            guard let access else { return .failure(errors) }
            let (title, first) = (values["minute_title"], setting.firstNumber)
            change = { minutes in
                do { try minutes.add(title: title, access: access, startingAt: first) } catch let refusal as ChangeRefusal { throw ChangeRefusal("minute_title", refusal.message) }
            }
        case .removeMinute:
            guard let number = Int(values["minute"]) else { return .failure(FieldErrors(messages: ["minute": "Choose a minute"])) }
            change = { try $0.remove(number) }
        case .renumber:
            guard let first = Int(values["first_number"]) else {
                return .failure(FieldErrors(messages: ["first_number": "Enter the first minute number as a whole number, such as 42"]))
            }
            change = { try $0.renumber(from: first) }
        case .approve:
            guard let previous = setting.previous else {
                return .failure(FieldErrors(messages: ["approve_minute": "The committee has no earlier meeting whose minutes this one could approve"]))
            }
            guard let number = Int(values["approve_minute"]) else {
                return .failure(FieldErrors(messages: ["approve_minute": "Select the minute that considered them"]))
            }
            change = { try $0.approveMinutes(of: previous, inMinute: number) }
        case .ended:
            let text = values["ended_at"]
            let time = text.isEmpty ? nil : typedTime(text)
            if !text.isEmpty, time == nil { return .failure(FieldErrors(messages: ["ended_at": "Enter the time the meeting ended, such as 4.15pm or 16:15"])) }
            change = { $0.endedAt = time }
        case .edit:
            guard let number = Int(values["minute"]), minutes.item(numbered: number) != nil else {
                return .failure(FieldErrors(messages: ["title": "There is no such minute"]))
            }
            let access = access(values, "access", &errors)
            guard let access else { return .failure(errors) }
            let resolutions = values["resolutions"].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let (title, text, leadIn) = (values["title"], values["text"], values["lead_in"])
            change = { try $0.edit(number, title: title, text: text, resolutions: resolutions, leadIn: leadIn, access: access) }
        case .mark:
            guard let number = Int(values["minute"]), let resolution = Int(values["resolution"]) else {
                return .failure(FieldErrors(messages: ["resolution": "There is no such resolution"]))
            }
            let suffix = "_\(resolution)"
            let kind = RecommendationChanges.addressees.first { $0.key == values["addressee" + suffix] }
            let addressee = kind?.make(values["addressee_name" + suffix])
            if addressee == nil {
                if kind != nil { errors["addressee_name" + suffix] = "Enter whom it is addressed to" } else { errors["addressee" + suffix] = "Select whom it is addressed to" }
            }
            let rule = RecommendationChanges.responseRules.first { $0.0 == values["response_rule" + suffix] }?.1
            if rule == nil { errors["response_rule" + suffix] = "Select which rule gives the time to respond" }
            guard errors.isEmpty, let addressee, let rule else { return .failure(errors) }
            let marked = Minutes.MarkedRecommendation(minute: number, resolution: resolution, addressee: addressee, responseRule: rule)
            change = { minutes in
                do { try minutes.mark(marked) } catch let refusal as ChangeRefusal { throw ChangeRefusal("addressee" + suffix, refusal.message) }
            }
        case .unmark:
            guard let number = Int(values["minute"]), let resolution = Int(values["resolution"]) else {
                return .failure(FieldErrors(messages: ["resolution": "There is no such resolution"]))
            }
            change = { $0.unmark(minute: number, resolution: resolution) }
        }
        // Tried on the minutes as they stand, so a refusal comes back beside its field.
        var trial = minutes
        do {
            try change(&trial)
        } catch let refusal as ChangeRefusal {
            return .failure(FieldErrors(messages: [refusal.field: refusal.message]))
        } catch {
            return .failure(FieldErrors(messages: ["minutes": "\(error)"]))
        }
        return .success(change)
    }

    /// "open", "exempt: paragraph 3": a minute exempt under a stated paragraph.
    private static func access(_ values: some SubmittedValues, _ name: String, _ errors: inout FieldErrors) -> Access? {
        guard let access = Access(values[name].isEmpty ? "open" : values[name]) else {
            errors[name] = "Select whether the minute is open or exempt, and under which paragraph"
            return nil
        }
        if access.isExempt, access.paragraph == nil {
            errors[name] = "Select the paragraph of Schedule 12A the minute is exempt under"
            return nil
        }
        return access
    }
}
