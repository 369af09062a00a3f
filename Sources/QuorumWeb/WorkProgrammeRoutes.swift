import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// Every committee's work programme, as a page and as CSV.
struct WorkProgrammeRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/work-programme", use: page)
        router.page("/work-programme.csv", use: csv)
        router.page("/committees/:committee/work-programme", use: appendix)
    }

    /// One committee's work programme for a municipal year (`?year=2025`; this one by default), as the council
    /// publishes it as an appendix to its work programme report.
    func appendix(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        guard let committee = try await store.committee(slug: try context.parameters.require("committee")),
            let programme = try await store.workProgramme(of: committee.id)
        else { throw HTTPError(.notFound) }
        let rules = try await store.authority(committee.authority)?.rules ?? .standard
        let now = rules.municipalYearStart(of: todayInLondon(today).day)
        let start = try requestedMunicipalYear(queryDictionary(request), rules: rules, today: todayInLondon(today).day)
        let years = Set(programme.sessions.map { rules.municipalYearStart(of: $0.day).year } + [now.year, start.year]).sorted(by: >)
        let page = WorkProgrammeAppendix(
            committee: committee, programme: programme, forwardPlan: try await store.forwardPlan(of: committee.authority), year: start, years: years, rules: rules,
            editHref: context.session?.user.mayPlanWorkProgramme == true ? Paths.committee(committee.id) + "/work-programme/edit" : nil)
        return HTML(page)
    }

    func page(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        var sections: [WorkProgrammePage.CommitteeSection] = []
        for committee in try await store.committees() {
            let view = WorkProgrammeView(
                sessions: try await store.workProgrammeSessions(of: committee.id), items: try await store.workProgrammeItems(of: committee.id))
            sections.append(.init(name: committee.name, href: Paths.committee(committee.id), anchor: committee.slug, workProgramme: view))
        }
        return HTML(WorkProgrammePage(title: "Work programme", committees: sections, hasCommittees: !sections.isEmpty))
    }

    func csv(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        var lines = [["Committee", "Session", "Session date", "Report deadline", "Planning", "Topic", "Type of scrutiny", "Objectives", "Evidence required", "Attendees", "State"]]
        for committee in try await store.committees() {
            let sessions = Dictionary(try await store.workProgrammeSessions(of: committee.id).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for item in try await store.workProgrammeItems(of: committee.id) {
                let session = item.session.flatMap { sessions[$0] }
                let planning: String =
                    switch session?.planning {
                    case .on(let day): day.iso
                    case .toBeConfirmed: "TBC"
                    default: ""
                    }
                lines.append([
                    committee.name, session?.kind.label ?? "", session?.day.iso ?? "",
                    session?.reportDeadline?.iso ?? "", planning, item.title, item.scrutinyType?.label ?? "", item.objectives, item.evidenceRequired,
                    item.attendees.map { $0.isReportWriter ? "\($0.name) (report writer)" : $0.name }.joined(separator: "; "), item.state.label,
                ])
            }
        }
        return Body(
            bytes: csvText(lines), contentType: "text/csv; charset=utf-8", headers: [.contentDisposition: "attachment; filename=\"work-programme.csv\""])
    }
}

struct WorkProgrammePage: Sendable {
    let title: String
    let committees: [CommitteeSection]
    let hasCommittees: Bool
    struct CommitteeSection: Sendable {
        let name: String
        let href: String
        let anchor: String
        let workProgramme: WorkProgrammeView
    }
}
