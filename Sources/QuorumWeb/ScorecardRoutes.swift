import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// A committee's compliance scorecard for a municipal year, worked out from the record alone: as a page, CSV and JSON.
struct ScorecardRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/committees/:committee/scorecard", use: page)
        router.page("/committees/:committee/scorecard.csv", use: csv)
        router.page("/api/v1/scorecards", use: api)
    }

    /// The scorecard a request asks for: its committee, and `?year=2024` for the municipal year starting in 2024 (this
    /// year's by default). A year that is not a number is a 400 that says so.
    private func scorecard(_ committee: Committee, _ query: [String: String]) async throws -> (Scorecard, years: [Int]) {
        let now = todayInLondon(today).day
        let rules = try await store.authority(committee.authority)?.rules ?? .standard
        let start = try requestedMunicipalYear(query, rules: rules, today: now)
        let end = rules.municipalYearStart(beginningIn: start.year + 1).adding(days: -1)
        guard let papers = try await store.scorecardPapers(of: committee.id, from: start, to: end) else { throw HTTPError(.notFound) }
        let card = Scorecard(
            committee: committee.id, yearStarting: start, today: now, rules: rules, calendar: .englandAndWales, meetings: papers.meetings,
            publications: papers.publications, questions: papers.questions, approvals: papers.approvals, recommendations: papers.recommendations)
        let first = try await store.meetings(MeetingFilter(committee: committee.id, limit: 1)).first.map { rules.municipalYearStart(of: $0.start.day).year }
        let years = Array(Set((first ?? start.year)...max(rules.municipalYearStart(of: now).year, start.year)).union([start.year])).sorted(by: >)
        return (card, years)
    }

    private func committee(_ context: QuorumRequestContext) async throws -> Committee {
        guard let committee = try await store.committee(slug: try context.parameters.require("committee")) else { throw HTTPError(.notFound) }
        return committee
    }

    func page(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committee = try await committee(context)
        let (card, years) = try await scorecard(committee, queryDictionary(request))
        let page = ScorecardPage(
            title: "\(committee.name): scorecard for \(card.year)", committee: Link(text: committee.name, href: Paths.committee(committee.id)),
            period: "From \(card.from.councilStyle) to \(card.to.councilStyle), as the record stands on \(card.today.councilStyle).",
            yearForm: .get(
                Paths.committee(committee.id) + "/scorecard", role: "search", formClass: "filters",
                fields: [FormField(.select, name: "year", label: "Municipal year", value: String(card.from.year), options: years.map { (String($0), "\($0)/\(String($0 + 1).suffix(2))") })],
                submit: "Show"),
            measures: card.measures.map { measure in
                ScorecardPage.MeasureView(
                    name: measure.name, rule: measure.rule, summary: measure.counted == 0 ? "None to count yet" : measure.summary,
                    missed: measure.missed.map { Link(text: $0.text, href: Paths.meeting($0.meeting)) }, hasMissed: !measure.missed.isEmpty,
                    notRecorded: measure.notRecorded.map { Link(text: $0.text, href: Paths.meeting($0.meeting)) }, hasNotRecorded: !measure.notRecorded.isEmpty,
                    pending: measure.pending == 0 ? nil : "\(measure.pending) not yet due.")
            },
            csv: Link(text: "This scorecard as CSV", href: Paths.committee(committee.id) + "/scorecard.csv?year=\(card.from.year)"))
        return HTML(page)
    }

    func csv(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let committee = try await committee(context)
        let (card, _) = try await scorecard(committee, queryDictionary(request))
        var lines = [["Committee", "Municipal year", "Measure", "Met", "Counted", "Not yet due", "Case", "Meeting date", "What happened"]]
        for measure in card.measures {
            lines.append([committee.name, card.year, measure.name, String(measure.met), String(measure.counted), String(measure.pending), "", "", ""])
            for (kind, cases) in [("missed", measure.missed), ("not recorded", measure.notRecorded)] {
                for item in cases {
                    lines.append([committee.name, card.year, measure.name, "", "", "", kind, item.meeting.rawValue.split(separator: "/").last.map(String.init) ?? "", item.text])
                }
            }
        }
        return Body(
            bytes: csvText(lines), contentType: "text/csv; charset=utf-8",
            headers: [.contentDisposition: "attachment; filename=\"scorecard-\(Paths.slug(committee.id))-\(card.from.year).csv\""])
    }

    func api(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let query = queryDictionary(request)
        guard let id = query["organization_id"], !id.isEmpty else { throw HTTPError(.badRequest, message: "Name the committee: organization_id.") }
        guard let committee = try await store.committee(.init(id)) else { throw HTTPError(.notFound, message: "There is no such organization.") }
        let (card, _) = try await scorecard(committee, query)
        return Body(bytes: apiJSON(ApiScorecard(card, committee: committee)), contentType: "application/json; charset=utf-8")
    }
}

struct ScorecardPage: Sendable {
    let title: String
    let committee: Link
    let period: String
    let yearForm: FormView
    let measures: [MeasureView]
    let csv: Link

    struct MeasureView: Sendable {
        let name: String
        let rule: String
        let summary: String
        let missed: [Link]
        let hasMissed: Bool
        let notRecorded: [Link]
        let hasNotRecorded: Bool
        let pending: String?
    }
}

/// A scorecard in the API: each measure with its counts and cases.
struct ApiScorecard: Encodable {
    let organization_id: String
    let municipal_year: String
    let start_date: String
    let end_date: String
    let as_of: String
    let measures: [Measure]

    struct Measure: Encodable {
        let code: String
        let name: String
        let rule: String
        let met: Int
        let counted: Int
        let not_yet_due: Int
        let missed: [Case]
        let not_recorded: [Case]
    }

    struct Case: Encodable {
        let event_id: String
        let text: String
    }

    init(_ card: Scorecard, committee: Committee) {
        organization_id = committee.id.rawValue
        municipal_year = card.year
        start_date = card.from.iso
        end_date = card.to.iso
        as_of = card.today.iso
        let codes = ["agendasPublishedOnTime", "questionsAnswered", "minutesApprovedAtNextMeeting", "recommendationsAnsweredInTime"]
        measures = zip(codes, card.measures).map { code, measure in
            Measure(
                code: code, name: measure.name, rule: measure.rule, met: measure.met, counted: measure.counted, not_yet_due: measure.pending,
                missed: measure.missed.map { Case(event_id: $0.meeting.rawValue, text: $0.text) },
                not_recorded: measure.notRecorded.map { Case(event_id: $0.meeting.rawValue, text: $0.text) })
        }
    }
}
