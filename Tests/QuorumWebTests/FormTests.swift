import Foundation
import QuorumDomain
@testable import QuorumWeb
import QuorumTestSupport
import Testing

/// The form components, rendered by their views: each kind of field with its label, hint, error and the value
/// the user typed, the error summary linking to the fields, and the CSRF field a form that changes something carries.
@Suite("Form components")
struct FormTests {
    func render(_ form: FormView) -> String {
        var h = HTMLWriter()
        form.write(to: &h)
        return h.html
    }

    @Test("Every kind of field has its label, hint, error beside it and the value typed; the summary links to each error")
    func everyKind() async throws {
        let html = render(
            .post(
                "/recommendations/1/response", csrfToken: "t0k3n",
                fields: [
                    FormField(.text(type: "text", width: 20), name: "name", label: "Your name", hint: "As it should be published", error: "Enter your name", value: "Jo <b>"),
                    FormField(.textArea(rows: 8), name: "response", label: "Response", error: "Enter the response", value: "Line one\nline two"),
                    FormField(.date, name: "received", label: "Date received", hint: "For example, 27 3 2025", error: "Date received must be a real date", value: "31/2/2025"),
                    FormField(.select, name: "outcome", label: "Outcome", value: "rejected", options: [("", "Not stated"), ("accepted", "Accepted"), ("rejected", "Rejected")]),
                    FormField(.radios, name: "rule", label: "Response due", error: "Choose when a response is due", value: "", options: [("twoMonths", "Within two months"), ("twentyEightDays", "Within 28 days")]),
                    FormField(.checkbox, name: "publish", label: "Publish the response now", value: "1"),
                ],
                submit: "Save response"))
        // The summary: one link per error, to the field (or its first part or option), in the fields' order.
        #expect(html.contains(#"<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">"#))
        let links = html.matches(of: /<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/).map { "\($0.1): \($0.2)" }
        #expect(links == ["name: Enter your name", "response: Enter the response", "received-day: Date received must be a real date", "rule: Choose when a response is due"])
        // The CSRF field.
        #expect(html.contains(#"<form method="post" action="/recommendations/1/response" novalidate>"#))
        #expect(html.contains(#"<input type="hidden" name="csrf_token" value="t0k3n">"#))
        // A text field: label, hint, error, the value kept (escaped), and described by the hint and the error.
        #expect(html.contains(#"<label for="name">Your name</label>"#))
        #expect(html.contains(#"<p class="hint" id="name-hint">As it should be published</p>"#))
        #expect(html.contains(#"<p class="error-message" id="name-error"><span class="visually-hidden">Error:</span> Enter your name</p>"#))
        #expect(html.contains(#"<input type="text" id="name" name="name" value="Jo &lt;b&gt;" size="20" aria-describedby="name-hint name-error" aria-invalid="true">"#))
        #expect(html.contains(#"<div class="form-group form-group-error">"#))
        // A text area keeps its lines.
        #expect(html.contains("<textarea id=\"response\" name=\"response\" rows=\"8\" aria-describedby=\"response-error\" aria-invalid=\"true\">Line one\nline two</textarea>"))
        // A date: a fieldset with a legend and three parts, each keeping what was typed.
        #expect(html.contains(#"<fieldset role="group" aria-describedby="received-hint received-error"><legend>Date received</legend>"#))
        for (part, value) in [("day", "31"), ("month", "2"), ("year", "2025")] {
            #expect(html.contains(#"id="received-\#(part)" name="received-\#(part)" value="\#(value)""#))
        }
        // A select with the chosen option selected; radios in a fieldset; a ticked checkbox.
        #expect(html.contains(#"<option value="rejected" selected>Rejected</option>"#) && !html.contains(#"<option value="accepted" selected>"#))
        #expect(html.contains(#"<fieldset aria-describedby="rule-error"><legend>Response due</legend>"#))
        #expect(html.contains(#"<input type="radio" id="rule" name="rule" value="twoMonths">"#))
        #expect(html.contains(#"<input type="radio" id="rule-2" name="rule" value="twentyEightDays">"#))
        #expect(html.contains(#"<input type="checkbox" id="publish" name="publish" value="1" checked>"#))
        #expect(html.contains(#"<button type="submit">Save response</button>"#))
    }

    @Test("A form that only asks has no summary without errors and no CSRF field; one that changes something always has one")
    func methods() async throws {
        let get = render(.get("/search", role: "search", fields: [FormField(.text(type: "search", width: nil), name: "q", label: "Words")], submit: "Search"))
        #expect(get.contains(#"<form method="get" action="/search" role="search" novalidate>"#))
        #expect(!get.contains("csrf_token") && !get.contains("error-summary"))
        #expect(FormView.post("/x", csrfToken: "abc", fields: [], submit: "Go").csrfToken == "abc")
    }
}

@Test("The search form is built from the components: its errors are summarised and shown beside their fields, and what was typed is kept")
func searchFormFromComponents() async throws {
    try await withSite { client in
        let page = try await get(client, "/search?q=budget&from=18-03-2025&committee=nonesuch&kind=cake")
        #expect(page.contains(#"<form method="get" action="/search" class="filters" role="search" novalidate>"#))
        let links = page.matches(of: /<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/).map { String($0.1) }
        #expect(links == ["committee", "from", "kind"])
        #expect(page.contains(#"<p class="error-message" id="from-error"><span class="visually-hidden">Error:</span> From must be a date like 2025-03-18.</p>"#))
        #expect(page.contains(#"<input type="text" id="from" name="from" value="18-03-2025" size="10" inputmode="numeric" aria-describedby="from-hint from-error" aria-invalid="true">"#))
        #expect(page.contains(#"<input type="search" id="q" name="q" value="budget" size="30">"#))
        #expect(page.contains(#"<label for="committee">Committee</label>"#))
        #expect(!page.contains("csrf_token"))
    }
}
