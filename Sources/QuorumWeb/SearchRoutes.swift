import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// Search over every public text, with filters and pages. A query that cannot be understood gets a message, never an error.
struct SearchRoutes {
    let store: any QuorumStore
    /// How long one search may take before it is stopped and the visitor told to narrow it.
    let budget: TimeBudget
    static let pageSize = 20

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/search", use: search)
    }

    func search(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let parameters = queryDictionary(request)
        var form = try await SearchForm(parameters, store: store)
        let page = (try? pageNumber(parameters)) ?? 1  // search never answers with an error
        var results = SearchResults(hits: [], total: 0)
        if !form.query.isEmpty {
            var query = form.query
            query.limit = Self.pageSize
            query.offset = (page - 1) * Self.pageSize
            let store = store
            let asked = query
            do {
                results = try await budget.run { try await store.search(asked) }
            } catch is TimeBudget.Exceeded {
                form.query.notices.append("The search took too long and was stopped. Add a word, choose a committee or a kind of paper, or give dates.")
            }
        }
        let committees = try await store.committees()
        let meetings = Dictionary(committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return HTML(SearchPage(form: form, parameters: parameters, committees: committees, byID: meetings, results: results, page: page, pageSize: Self.pageSize))
    }
}

/// What was asked, checked. Bad dates and unknown filters become messages beside the fields.
struct SearchForm: Sendable {
    var text: String
    var query: SearchQuery
    var errors: [String: String] = [:]

    init(_ parameters: [String: String], store: any QuorumStore) async throws {
        text = parameters["q"] ?? ""
        query = SearchQuery(parsing: text)
        if let slug = parameters["committee"], !slug.isEmpty {
            if let committee = try await store.committee(slug: slug) {
                query.committee = committee.id
            } else {
                errors["committee"] = "There is no committee ‘\(slug)’."
            }
        }
        for (key, label) in [("from", "From"), ("to", "To")] {
            guard let value = parameters[key], !value.isEmpty else { continue }
            if let day = CalendarDay(iso: value) {
                if key == "from" { query.from = day } else { query.to = day }
            } else {
                errors[key] = "\(label) must be a date like 2025-03-18."
            }
        }
        if let kind = parameters["kind"], !kind.isEmpty {
            if let value = SearchQuery.Kind(rawValue: kind) { query.kind = value } else { errors["kind"] = "Choose a kind of paper from the list." }
        }
        if let from = query.from, let to = query.to, from > to { errors["to"] = "To must be on or after From." }
        if !errors.isEmpty { query.terms = [] }
    }
}
