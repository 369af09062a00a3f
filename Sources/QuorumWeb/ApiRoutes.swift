import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The open-data API under /api/v1, named after Popolo and Open Civic Data where they fit: committees are
/// organizations, meetings are events with an agenda. Identifiers are the record's own, stable across imports.
struct ApiRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date
    let openAPIDocument: String
    var actions: ApiActions { ApiActions(store: store, today: today) }

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/api/v1/openapi.json") { request, context in
            Body(bytes: openAPIDocument, contentType: "application/json; charset=utf-8").response(from: request, context: context)
        }
        router.page("/api/v1/organizations", use: organizations)
        router.page("/api/v1/organizations/**", use: organization)
        router.page("/api/v1/people", use: people)
        router.page("/api/v1/people/**", use: person)
        router.page("/api/v1/memberships", use: memberships)
        router.form("/api/v1/events", show: events, submit: actions.createMeetings)
        ApiActions.resource(
            "/api/v1/events/**", actions: ApiActions.meetingActions, on: router, show: { try await event($0, context: $1).response(from: $0, context: $1) },
            act: actions.meetingAction)
        router.form("/api/v1/recommendations", show: recommendations, submit: actions.create)
        router.page("/api/v1/work-programme", use: workProgramme)
        actions.addRoutes(to: router)
    }

    func organizations(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let paging = try Paging(queryDictionary(request))
        let all = try await store.committees()
        return json(ListResponse(results: paging.slice(all).map(ApiOrganization.init), pagination: paging.pagination(total: all.count)))
    }

    func organization(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        guard let committee = try await store.committee(.init(catchAll(context))) else { throw HTTPError(.notFound, message: "There is no such organization.") }
        return json(ApiOrganization(committee))
    }

    func people(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let paging = try Paging(queryDictionary(request))
        let all = try await store.allPeople()
        return json(ListResponse(results: paging.slice(all).map(ApiPerson.init), pagination: paging.pagination(total: all.count)))
    }

    func person(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        guard let person = try await store.person(.init(catchAll(context))) else { throw HTTPError(.notFound, message: "There is no such person.") }
        return json(ApiPerson(person))
    }

    func memberships(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let query = queryDictionary(request)
        let paging = try Paging(query)
        var all = try await store.allMemberships()
        switch try await committeeFilter(query) {
        case .any: break
        case .committee(let organization): all = all.filter { $0.committee == organization.id }
        case .unknown: all = []
        }
        if let person = query["person_id"], !person.isEmpty { all = all.filter { $0.person.rawValue == person } }
        return json(ListResponse(results: paging.slice(all).map(ApiMembership.init), pagination: paging.pagination(total: all.count)))
    }

    func events(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let query = queryDictionary(request)
        let paging = try Paging(query)
        let committee = try await committeeFilter(query)
        let filter = MeetingFilter(
            committee: committee.id, from: try day(query, "start_date_from"), to: try day(query, "start_date_to"), limit: paging.perPage,
            offset: paging.offset)
        if case .unknown = committee { return json(ListResponse<ApiEvent>(results: [], pagination: paging.pagination(total: 0))) }
        let listing = try await store.meetingListing(filter)
        return json(ListResponse(results: listing.meetings.map { ApiEvent($0, agenda: nil) }, pagination: paging.pagination(total: listing.total)))
    }

    func event(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        guard let meeting = try await store.meeting(.init(catchAll(context))) else { throw HTTPError(.notFound, message: "There is no such event.") }
        let visible = Visibility.public
        let agenda = visible.agenda(try await store.agendaItems(of: meeting.id), reports: try await store.reports(of: meeting.id), of: meeting)
        var event = ApiEvent(meeting, agenda: agenda)
        event.version = EditVersion.of(meeting)
        event.minutes = visible.minutes(try await store.minuteItems(of: meeting.id), of: meeting).map(ApiEvent.Minute.init)
        event.questions = visible.questions(try await store.questions(at: meeting.id), of: meeting).map(ApiEvent.QuestionItem.init)
        return json(event)
    }

    func recommendations(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let query = queryDictionary(request)
        let paging = try Paging(query)
        var trackerQuery = query
        if let overdue = query["overdue"], overdue != "0", overdue != "1" {
            throw HTTPError(.badRequest, message: "overdue must be 1 or 0, not ‘\(overdue)’.")
        }
        let committee = try await committeeFilter(query)
        trackerQuery["committee"] = committee.id.flatMap { id in Paths.committee(id).split(separator: "/").last.map(String.init) }
        let filter = try await TrackerFilter(trackerQuery, store: store)  // a bad outcome is a 400 whatever the committee
        if case .unknown = committee { return json(ListResponse<ApiRecommendation>(results: [], pagination: paging.pagination(total: 0))) }
        let (rows, papers) = try await filter.apply(to: store, today: todayInLondon(today).day, limit: paging.perPage, offset: paging.offset)
        return json(ListResponse(results: rows.map(ApiRecommendation.init), pagination: paging.pagination(total: papers.total)))
    }

    func workProgramme(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let query = queryDictionary(request)
        let paging = try Paging(query)
        var committees = try await store.committees()
        switch try await committeeFilter(query) {
        case .any: break
        case .committee(let committee): committees = [committee]
        case .unknown: committees = []
        }
        var items: [ApiWorkProgrammeItem] = []
        for committee in committees {
            let sessions = Dictionary(try await store.workProgrammeSessions(of: committee.id).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            items += try await store.workProgrammeItems(of: committee.id).map { ApiWorkProgrammeItem($0, sessions: sessions) }
        }
        return json(ListResponse(results: paging.slice(items), pagination: paging.pagination(total: items.count)))
    }

    /// Which committee a list is for: `?committee=` (a slug) or `?organization_id=` (an identifier). One the record
    /// does not hold matches nothing: an empty list, as for any filter that matches nothing.
    private enum CommitteeFilter {
        case any
        case committee(Committee)
        case unknown

        var id: Committee.ID? {
            if case .committee(let committee) = self { committee.id } else { nil }
        }
    }

    private func committeeFilter(_ query: [String: String]) async throws -> CommitteeFilter {
        if let id = query["organization_id"], !id.isEmpty {
            return try await store.committee(.init(id)).map(CommitteeFilter.committee) ?? .unknown
        }
        if let slug = query["committee"], !slug.isEmpty {
            return try await store.committee(slug: slug).map(CommitteeFilter.committee) ?? .unknown
        }
        return .any
    }

    /// A date parameter: absent, or a date like 2025-03-18; anything else (an empty value too) is a 400.
    private func day(_ query: [String: String], _ key: String) throws -> CalendarDay? {
        guard let text = query[key] else { return nil }
        guard let day = CalendarDay(iso: text) else { throw HTTPError(.badRequest, message: "\(key) must be a date like 2025-03-18, not ‘\(text)’.") }
        return day
    }

    private func catchAll(_ context: QuorumRequestContext) -> String {
        context.parameters.getCatchAll().joined(separator: "/")
    }

    private func json(_ value: some Encodable) -> Body {
        Body(bytes: apiJSON(value), contentType: "application/json; charset=utf-8")
    }
}

/// `?page=` and `?per_page=` (at most 100).
struct Paging {
    let page: Int
    let perPage: Int
    var offset: Int { (page - 1) * perPage }

    init(_ query: [String: String]) throws {
        // The API is strict where a form is forgiving: a parameter given must have a value.
        for key in ["page", "per_page"] where query[key] == "" {
            throw HTTPError(.badRequest, message: "\(key) must be a whole number, not empty.")
        }
        page = try pageNumber(query)
        if let text = query["per_page"], !text.isEmpty {
            guard let value = Int(text), (1...100).contains(value) else {
                throw HTTPError(.badRequest, message: "per_page must be a whole number from 1 to 100, not ‘\(text)’.")
            }
            perPage = value
        } else {
            perPage = 20
        }
    }

    func slice<T>(_ all: [T]) -> [T] { Array(all.dropFirst(offset).prefix(perPage)) }

    func pagination(total: Int) -> ListPagination {
        ListPagination(page: page, per_page: perPage, total: total, max_page: max(1, (total + perPage - 1) / perPage))
    }
}

struct ListResponse<Item: Encodable>: Encodable {
    let results: [Item]
    let pagination: ListPagination
}

struct ListPagination: Encodable {
    let page: Int
    let per_page: Int
    let total: Int
    let max_page: Int
}
