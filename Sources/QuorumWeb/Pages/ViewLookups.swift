// The templates' lookups into each view, without reflection: Mustache reaches a field through `child(named:)`
// instead of a Mirror, which was most of the cost of an uncached page. In debug builds `Templates.render` checks that
// every stored property of every view it renders is reachable here, so a field added to a view and not here fails
// every test that renders that page.
import Mustache
import QuorumDomain

extension Link: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "upcoming": upcoming
        case "hasUpcoming": hasUpcoming
        case "papers": papers
        case "hasPapers": hasPapers
        case "overdue": overdue
        case "overdueText": overdueText
        case "hasCommittees": hasCommittees
        default: nil
        }
    }
}

extension HomePage.Paper: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "meeting": meeting
        default: nil
        }
    }
}

extension ErrorPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "message": message
        case "status": status
        default: nil
        }
    }
}

extension CommitteesPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committees": committees
        case "hasCommittees": hasCommittees
        default: nil
        }
    }
}

extension CommitteesPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "nextMeeting": nextMeeting
        default: nil
        }
    }
}

extension CommitteePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "remit": remit
        case "clerk": clerk
        case "members": members
        case "hasMembers": hasMembers
        case "years": years
        case "hasMeetings": hasMeetings
        case "calendarHref": calendarHref
        case "scorecardHref": scorecardHref
        case "appendixHref": appendixHref
        case "workProgramme": workProgramme
        case "workProgrammeFrom": workProgrammeFrom
        case "allWorkProgrammesHref": allWorkProgrammesHref
        default: nil
        }
    }
}

extension CommitteePage.Member: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "role": role
        default: nil
        }
    }
}

extension CommitteePage.Year: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "meetings": meetings
        default: nil
        }
    }
}

extension MeetingLink: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "date": date
        case "isoDate": isoDate
        case "href": href
        case "status": status
        case "committee": committee
        default: nil
        }
    }
}

extension ContactView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "role": role
        case "phone": phone
        case "email": email
        case "mailto": mailto
        default: nil
        }
    }
}

extension WorkProgrammeView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "sessions": sessions
        case "potential": potential
        case "hasSessions": hasSessions
        case "hasPotential": hasPotential
        default: nil
        }
    }
}

extension WorkProgrammeView.Session: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "reportDeadline": reportDeadline
        case "planning": planning
        case "topics": topics
        case "hasTopics": hasTopics
        default: nil
        }
    }
}

extension WorkProgrammeView.Topic: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "scrutinyType": scrutinyType
        case "objectives": objectives
        case "evidence": evidence
        case "attendees": attendees
        case "hasAttendees": hasAttendees
        case "state": state
        default: nil
        }
    }
}

extension FormView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "action": action
        case "method": method
        case "role": role
        case "formClass": formClass
        case "csrfToken": csrfToken
        case "fields": fields
        case "submit": submit
        case "errorLinks": errorLinks
        case "hasErrors": hasErrors
        case "enctype": enctype
        default: nil
        }
    }
}

extension FormView.ErrorLink: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "target": target
        case "message": message
        default: nil
        }
    }
}

extension FormField: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "label": label
        case "hint": hint
        case "error": error
        case "value": value
        case "options": options
        case "isText": isText
        case "isTextArea": isTextArea
        case "isDate": isDate
        case "isSelect": isSelect
        case "isRadios": isRadios
        case "isCheckbox": isCheckbox
        case "isFile": isFile
        case "accept": accept
        case "isHidden": isHidden
        case "inputType": inputType
        case "size": size
        case "rows": rows
        case "dateParts": dateParts
        case "isChecked": isChecked
        case "describedBy": describedBy
        case "inputmode": inputmode
        case "autocomplete": autocomplete
        default: nil
        }
    }
}

extension FormField.Option: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "value": value
        case "label": label
        case "isSelected": isSelected
        default: nil
        }
    }
}

extension FormField.DatePart: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "label": label
        case "value": value
        case "size": size
        default: nil
        }
    }
}

extension MeetingPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committee": committee
        case "date": date
        case "isoDate": isoDate
        case "venue": venue
        case "status": status
        case "endedAt": endedAt
        case "clerk": clerk
        case "publicationDeadline": publicationDeadline
        case "questionDeadline": questionDeadline
        case "agenda": agenda
        case "hasAgenda": hasAgenda
        case "questions": questions
        case "hasQuestions": hasQuestions
        case "minutes": minutes
        case "hasMinutes": hasMinutes
        case "attendance": attendance
        case "hasAttendance": hasAttendance
        case "declarations": declarations
        case "hasDeclarations": hasDeclarations
        case "previous": previous
        case "next": next
        case "knownFrom": knownFrom
        case "noAgenda": noAgenda
        case "recommendations": recommendations
        case "hasRecommendations": hasRecommendations
        case "cancellation": cancellation
        case "movedFrom": movedFrom
        case "scheduleHref": scheduleHref
        case "agendaHref": agendaHref
        case "minutesHref": minutesHref
        case "minutesStanding": minutesStanding
        case "publications": publications
        case "hasPublications": hasPublications
        case "questionsHref": questionsHref
        case "frontSheetHref": frontSheetHref
        case "warnings": warnings
        case "hasWarnings": hasWarnings
        case "askHref": askHref
        case "reportDeadline": reportDeadline
        default: nil
        }
    }
}

extension MeetingPage.AgendaRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "title": title
        case "description": description
        case "pages": pages
        case "href": href
        case "isExempt": isExempt
        default: nil
        }
    }
}

extension MeetingPage.QuestionView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "asker": asker
        case "addressee": addressee
        case "text": text
        case "status": status
        case "response": response
        case "hasResponse": hasResponse
        case "supplementary": supplementary
        default: nil
        }
    }
}

extension MeetingPage.QuestionView.Supplementary: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "text": text
        case "response": response
        default: nil
        }
    }
}

extension MeetingPage.MinuteView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "printed": printed
        case "title": title
        case "text": text
        case "resolutions": resolutions
        case "hasResolutions": hasResolutions
        case "leadIn": leadIn
        default: nil
        }
    }
}

extension MeetingPage.ResolutionView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "text": text
        case "recommendHref": recommendHref
        default: nil
        }
    }
}

extension MeetingPage.AttendanceGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "people": people
        default: nil
        }
    }
}

extension MeetingPage.PersonLine: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "note": note
        default: nil
        }
    }
}

extension MeetingPage.DeclarationView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "person": person
        case "item": item
        case "kind": kind
        case "reason": reason
        default: nil
        }
    }
}

extension ReportPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "meeting": meeting
        case "committee": committee
        case "itemNumber": itemNumber
        case "reportBy": reportBy
        case "author": author
        case "democraticServices": democraticServices
        case "cabinetPortfolio": cabinetPortfolio
        case "requestedAt": requestedAt
        case "classification": classification
        case "decisionType": decisionType
        case "wardsAffected": wardsAffected
        case "purpose": purpose
        case "recommendations": recommendations
        case "hasRecommendations": hasRecommendations
        case "sections": sections
        case "appendices": appendices
        case "hasAppendices": hasAppendices
        case "pages": pages
        case "papers": papers
        case "hasPapers": hasPapers
        case "plan": plan
        default: nil
        }
    }
}

extension ReportPage.Section: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "paragraphs": paragraphs
        case "isSubsection": isSubsection
        default: nil
        }
    }
}

extension ReportPage.Lettered: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "text": text
        default: nil
        }
    }
}

extension SearchPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "form": form
        case "notices": notices
        case "hasQuery": hasQuery
        case "summary": summary
        case "hits": hits
        case "previousPage": previousPage
        case "nextPage": nextPage
        default: nil
        }
    }
}

extension SearchPage.Hit: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "kind": kind
        case "context": context
        case "snippetHTML": snippetHTML
        default: nil
        }
    }
}

extension TrackerPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committees": committees
        case "outcomes": outcomes
        case "overdueOnly": overdueOnly
        case "from": from
        case "to": to
        case "groups": groups
        case "hasRows": hasRows
        case "summary": summary
        case "figures": figures
        case "csvHref": csvHref
        case "summaryCSVHref": summaryCSVHref
        case "previousPage": previousPage
        case "nextPage": nextPage
        default: nil
        }
    }
}

extension TrackerPage.Option: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "label": label
        case "isSelected": isSelected
        default: nil
        }
    }
}

extension TrackerPage.MeetingGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "topics": topics
        default: nil
        }
    }
}

extension TrackerPage.TopicGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "topic": topic
        case "rows": rows
        default: nil
        }
    }
}

extension TrackerPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "text": text
        case "href": href
        case "sent": sent
        case "due": due
        case "outcome": outcome
        case "received": received
        case "standing": standing
        case "standingClass": standingClass
        case "checks": checks
        case "hasChecks": hasChecks
        default: nil
        }
    }
}

extension RecommendationPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committee": committee
        case "meetingDay": meetingDay
        case "topic": topic
        case "text": text
        case "addressee": addressee
        case "rule": rule
        case "sent": sent
        case "due": due
        case "received": received
        case "response": response
        case "outcome": outcome
        case "isOverdue": isOverdue
        case "warnings": warnings
        case "hasWarnings": hasWarnings
        case "respondHref": respondHref
        case "progressHref": progressHref
        case "extensionText": extensionText
        case "implementationText": implementationText
        case "history": history
        case "hasHistory": hasHistory
        case "indicators": indicators
        case "hasIndicators": hasIndicators
        case "indicatorsForm": indicatorsForm
        default: nil
        }
    }
}

extension PersonPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "jobTitle": jobTitle
        case "memberships": memberships
        case "hasMemberships": hasMemberships
        case "attendance": attendance
        case "hasAttendance": hasAttendance
        case "attendanceSummary": attendanceSummary
        case "declarations": declarations
        case "hasDeclarations": hasDeclarations
        default: nil
        }
    }
}

extension PersonPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "detail": detail
        default: nil
        }
    }
}

extension WorkProgrammePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committees": committees
        case "hasCommittees": hasCommittees
        default: nil
        }
    }
}

extension WorkProgrammePage.CommitteeSection: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "anchor": anchor
        case "workProgramme": workProgramme
        default: nil
        }
    }
}

/// Finds what a template could not reach without reflection: a stored property of a view missing from its
/// `child(named:)`, or a view type (of Quorum's own modules) that has no lookups at all. Used in debug builds.
enum ViewLookupCheck {
    static func gaps(in value: Any, at path: String = "page") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { gaps(in: $0.value, at: path) } ?? []
        case .collection:
            // The first few elements stand for the rest: they are all of one type.
            return mirror.children.prefix(3).enumerated().flatMap { index, element in gaps(in: element.value, at: "\(path)[\(index)]") }
        case .struct:
            let typeName = String(reflecting: type(of: value))
            guard typeName.hasPrefix("QuorumWeb.") || typeName.hasPrefix("QuorumDomain.") else { return [] }
            guard let parent = value as? any MustacheParent else { return ["\(path): \(typeName) has no child(named:)"] }
            var found: [String] = []
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
                if parent.child(named: label) == nil, !isNil { found.append("\(path).\(label): not reachable in \(typeName).child(named:)") }
                found += gaps(in: child.value, at: "\(path).\(label)")
            }
            return found
        default:
            return []
        }
    }
}

extension FormPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "intro": intro
        case "form": form
        case "back": back
        case "notice": notice
        default: nil
        }
    }
}

extension DashboardPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "name": name
        case "role": role
        case "answersFor": answersFor
        case "links": links
        case "hasLinks": hasLinks
        case "sections": sections
        case "upcoming": upcoming
        default: nil
        }
    }
}

extension DashboardPage.Section: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "empty": empty
        case "rows": rows
        case "more": more
        case "hasRows": hasRows
        default: nil
        }
    }
}

extension DashboardPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "committee": committee
        case "meeting": meeting
        case "number": number
        case "text": text
        case "addressee": addressee
        case "sent": sent
        case "due": due
        case "href": href
        case "respondHref": respondHref
        case "note": note
        default: nil
        }
    }
}

extension DashboardPage.Meeting: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "link": link
        case "agenda": agenda
        case "questionsBy": questionsBy
        case "warnings": warnings
        default: nil
        }
    }
}

extension RecommendationPage.HistoryLine: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "when": when
        case "who": who
        case "what": what
        default: nil
        }
    }
}

extension ProgressPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "text": text
        case "sections": sections
        case "back": back
        case "notice": notice
        default: nil
        }
    }
}

extension ProgressPage.Section: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "intro": intro
        case "form": form
        case "links": links
        case "hasLinks": hasLinks
        default: nil
        }
    }
}

extension TrackerPage.Figure: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension ExemptPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "groups": groups
        default: nil
        }
    }
}

extension ExemptPage.Group: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "entries": entries
        default: nil
        }
    }
}

extension ExemptPage.Entry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "access": access
        case "href": href
        case "form": form
        default: nil
        }
    }
}

extension NeedsCheckingPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "rows": rows
        case "summary": summary
        default: nil
        }
    }
}

extension NeedsCheckingPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "message": message
        case "source": source
        case "record": record
        case "href": href
        case "form": form
        default: nil
        }
    }
}

extension AgendaBuilderPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "status": status
        case "deadlines": deadlines
        case "publications": publications
        case "items": items
        case "hasItems": hasItems
        case "standardForm": standardForm
        case "addForm": addForm
        case "publishText": publishText
        case "publishForm": publishForm
        case "publishError": publishError
        case "back": back
        case "frontSheet": frontSheet
        case "notice": notice
        default: nil
        }
    }
}

extension AgendaBuilderPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "title": title
        case "description": description
        case "access": access
        case "state": state
        case "report": report
        case "edit": edit
        case "buttons": buttons
        default: nil
        }
    }
}

extension FrontSheetPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "council": council
        case "committee": committee
        case "date": date
        case "time": time
        case "venue": venue
        case "clerk": clerk
        case "members": members
        case "hasMembers": hasMembers
        case "items": items
        case "publications": publications
        case "questionDeadline": questionDeadline
        case "rights": rights
        case "back": back
        default: nil
        }
    }
}

extension FrontSheetPage.Member: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "role": role
        default: nil
        }
    }
}

extension FrontSheetPage.Item: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "title": title
        case "description": description
        case "pages": pages
        default: nil
        }
    }
}

extension WorkPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "intro": intro
        case "links": links
        case "sections": sections
        case "back": back
        case "notice": notice
        case "problem": problem
        default: nil
        }
    }
}

extension WorkPage.Section: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "heading": heading
        case "intro": intro
        case "rows": rows
        case "empty": empty
        case "forms": forms
        case "hasRows": hasRows
        default: nil
        }
    }
}

extension WorkPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "details": details
        case "buttons": buttons
        case "hasButtons": hasButtons
        default: nil
        }
    }
}

extension WorkPage.TitledForm: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "form": form
        default: nil
        }
    }
}

extension ScorecardPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committee": committee
        case "period": period
        case "yearForm": yearForm
        case "measures": measures
        case "csv": csv
        default: nil
        }
    }
}

extension ScorecardPage.MeasureView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "rule": rule
        case "summary": summary
        case "missed": missed
        case "hasMissed": hasMissed
        case "notRecorded": notRecorded
        case "hasNotRecorded": hasNotRecorded
        case "pending": pending
        default: nil
        }
    }
}

extension WorkProgrammeAppendix: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "committee": committee
        case "yearForm": yearForm
        case "sessions": sessions
        case "hasSessions": hasSessions
        case "potential": potential
        case "hasPotential": hasPotential
        case "editHref": editHref
        default: nil
        }
    }
}

extension WorkProgrammeAppendix.Session: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "kind": kind
        case "date": date
        case "reportDeadline": reportDeadline
        case "planning": planning
        case "topics": topics
        case "hasTopics": hasTopics
        default: nil
        }
    }
}

extension WorkProgrammeAppendix.Topic: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "scrutinyType": scrutinyType
        case "objectives": objectives
        case "evidence": evidence
        case "attendees": attendees
        case "forwardPlan": forwardPlan
        default: nil
        }
    }
}

extension WorkProgrammeAppendix.Attendee: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "isWriter": isWriter
        default: nil
        }
    }
}

extension ForwardPlanPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "councils": councils
        case "hasCouncils": hasCouncils
        case "editHref": editHref
        default: nil
        }
    }
}

extension ForwardPlanPage.Council: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "entries": entries
        default: nil
        }
    }
}

extension ForwardPlanPage.Entry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "purpose": purpose
        case "decision": decision
        case "contacts": contacts
        case "directorate": directorate
        case "uploaded": uploaded
        case "type": type
        case "topics": topics
        case "hasTopics": hasTopics
        default: nil
        }
    }
}

extension PlansPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "plans": plans
        case "hasPlans": hasPlans
        default: nil
        }
    }
}

extension PlansPage.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "link": link
        case "owner": owner
        case "latest": latest
        default: nil
        }
    }
}

extension PlanPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "owner": owner
        case "version": version
        case "versions": versions
        case "hasVersions": hasVersions
        case "meetings": meetings
        case "hasMeetings": hasMeetings
        case "priorities": priorities
        case "indicators": indicators
        case "hasIndicators": hasIndicators
        case "auditChart": auditChart
        case "audits": audits
        case "hasAudits": hasAudits
        case "csv": csv
        case "editHref": editHref
        case "asOf": asOf
        default: nil
        }
    }
}

extension PlanPage.PriorityView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "text": text
        case "actions": actions
        case "hasActions": hasActions
        case "measures": measures
        case "hasMeasures": hasMeasures
        default: nil
        }
    }
}

extension PlanPage.ActionRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "text": text
        case "lead": lead
        case "timescale": timescale
        case "status": status
        case "statusClass": statusClass
        case "progress": progress
        default: nil
        }
    }
}

extension PlanPage.AuditRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "month": month
        case "outstanding": outstanding
        case "good": good
        case "requiresImprovement": requiresImprovement
        case "inadequate": inadequate
        default: nil
        }
    }
}

extension IndicatorView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "anchor": anchor
        case "chart": chart
        case "direction": direction
        case "target": target
        case "rows": rows
        case "movement": movement
        default: nil
        }
    }
}

extension IndicatorView.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "period": period
        case "value": value
        case "fraction": fraction
        case "source": source
        default: nil
        }
    }
}

extension TrustedHTML: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "html": html
        default: nil
        }
    }
}
