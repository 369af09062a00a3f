import QuorumDomain
import QuorumStorage

/// The search page: the form, any messages, and one page of results with highlighted passages.
struct SearchPage: Sendable {
    let title: String
    /// The search form, built from the form components: words, committee, dates and kind, each error beside its field.
    let form: FormView
    let notices: [String]
    let hasQuery: Bool
    let summary: String
    let hits: [Hit]
    let previousPage: String?
    let nextPage: String?

    struct Hit: Sendable {
        let title: String
        let href: String
        let kind: String
        let context: String
        /// Escaped text with `<mark>` around matches: safe to insert unescaped.
        let snippetHTML: TrustedHTML
    }

    init(
        form: SearchForm, parameters: [String: String], committees: [Committee], byID: [Committee.ID: Committee], results: SearchResults, page: Int,
        pageSize: Int
    ) {
        title = form.text.isEmpty ? "Search" : "Search: \(form.text)"
        let committeeOptions = [("", "All committees")] + committees.map { ($0.slug, $0.name) }
        let kindOptions = [("", "All kinds")] + SearchQuery.Kind.allCases.map { ($0.rawValue, $0.label) }
        self.form = .get(
            "/search", role: "search", formClass: "filters",
            fields: [
                FormField(.text(type: "search", width: 30), name: "q", label: "Words to search for", value: form.text),
                FormField(.select, name: "committee", label: "Committee", error: form.errors["committee"], value: parameters["committee"] ?? "", options: committeeOptions),
                FormField(
                    .text(type: "text", width: 10), name: "from", label: "From", hint: "For example, 2025-03-18", error: form.errors["from"],
                    value: parameters["from"] ?? "", inputmode: "numeric"),
                FormField(
                    .text(type: "text", width: 10), name: "to", label: "To", hint: "For example, 2025-03-31", error: form.errors["to"],
                    value: parameters["to"] ?? "", inputmode: "numeric"),
                FormField(.select, name: "kind", label: "Kind of paper", error: form.errors["kind"], value: parameters["kind"] ?? "", options: kindOptions),
            ],
            submit: "Search")
        notices = form.query.notices + (form.text.isEmpty || !form.query.isEmpty || !form.errors.isEmpty ? [] : ["Type a word or a phrase to search for."])
        hasQuery = !form.query.isEmpty
        let first = (page - 1) * pageSize + 1
        summary =
            if results.total == 0 {
                "No results. Try fewer or different words, or a word’s beginning followed by *."
            } else if results.hits.isEmpty {
                "There are no more results: the search found \(results.isOverLimit ? "more than \(grouped(SearchResults.countLimit))" : String(results.total)), all on earlier pages."
            } else {
                (results.isOverLimit
                    ? "More than \(grouped(SearchResults.countLimit)) results: the newest \(grouped(SearchResults.countLimit)), the best first"
                    : "\(results.total) result\(results.total == 1 ? "" : "s")") + "; showing \(first) to \(first + results.hits.count - 1)."
            }
        hits = results.hits.map { hit in
            var context = hit.kind.label
            if let committee = hit.committee.flatMap({ byID[$0] }) { context += ", \(committee.name)" }
            if let day = hit.day { context += ", \(day.councilStyle)" }
            return Hit(title: hit.title, href: SearchPage.href(for: hit), kind: hit.kind.label, context: context, snippetHTML: TrustedHTML(highlighted(hit.snippet)))
        }
        previousPage = page > 1 ? Paths.search + queryString(parameters, ["page": page - 1 == 1 ? nil : String(page - 1)]) : nil
        nextPage = first + results.hits.count - 1 < results.ranked ? Paths.search + queryString(parameters, ["page": String(page + 1)]) : nil
    }

    /// Where a result lives on the site.
    static func href(for hit: SearchResults.Hit) -> String {
        switch hit.kind {
        case .report: Paths.agendaItem(.init(String(hit.entityId.dropLast("/report".count))))
        case .minute: hit.meeting.map { Paths.meeting($0) + "#minute-" + (hit.entityId.split(separator: "/").last.map(String.init) ?? "") } ?? "/"
        case .question: hit.meeting.map { Paths.meeting($0) + "#questions" } ?? "/"
        case .recommendation: Paths.recommendation(.init(hit.entityId))
        case .workProgramme: hit.committee.map(Paths.committee) ?? Paths.workProgramme
        }
    }
}

/// Escapes a snippet for HTML and turns the store's match markers into `<mark>` elements, byte by byte: the markers
/// are the private-use characters U+E000 and U+E001, three bytes each in UTF-8, which no escape touches.
func highlighted(_ snippet: String) -> String {
    var escaped = escapedHTML(snippet)
    return escaped.withUTF8 { bytes in
        guard bytes.contains(0xEE) else { return String(decoding: bytes, as: UTF8.self) }
        var html: [UInt8] = []
        html.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 {
                html.append(contentsOf: bytes[index + 2] == 0x80 ? markOpen : markClose)
                index += 3
            } else {
                html.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: html, as: UTF8.self)
    }
}

private let markOpen = Array("<mark>".utf8)
private let markClose = Array("</mark>".utf8)
