/// A recommendation: what was asked, of whom, by when, and the response.
extension RecommendationPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/recommendations">Recommendations tracker</a></li></ol></nav>
            <h1>\(title)</h1>
            <p>\(text)</p>
            <dl class="summary">
            <dt>Committee</dt><dd><a href="\(committee.href)">\(committee.text)</a></dd>
            <dt>Meeting</dt><dd>\(meetingDay)</dd>
            <dt>Topic</dt><dd>\(topic)</dd>
            <dt>Addressed to</dt><dd>\(addressee)</dd>
            <dt>Response rule</dt><dd>\(rule)</dd>
            <dt>Sent</dt><dd>\(sent)</dd>
            <dt>Response due</dt><dd>\(due)
            """
        if isOverdue { h += " <span class=\"overdue\">Overdue</span>" }
        h += "</dd>\n"
        if let extensionText { h += "<dt>Extension</dt><dd>\(extensionText)</dd>\n" }
        if let received { h += "<dt>Response received</dt><dd>\(received)</dd>\n" }
        h += "<dt>Outcome</dt><dd>\(outcome)</dd>\n"
        if let implementationText { h += "<dt>Implementation</dt><dd>\(implementationText)</dd>\n" }
        h += "</dl>\n"
        if let respondHref { h += "<p><a class=\"button\" href=\"\(respondHref)\">Record the response</a></p>\n" }
        if let progressHref { h += "<p><a href=\"\(progressHref)\">Record its progress: sent, extended, not pursued, implemented, closed</a></p>\n" }
        if !response.isEmpty { h += "<h2>Response</h2>\n" }
        h.paragraphs(response)
        h += "\n"
        if hasWarnings {
            h += "<h2>Notes on the published record</h2>\n<ul>"
            for warning in warnings { h += "<li>\(warning)</li>" }
            h += "</ul>\n"
        }
        if hasIndicators {
            h += "<h2 id=\"indicators\">The figures it means to move</h2>\n"
            for indicator in indicators { indicator.write(to: &h) }
            h += "\n"
        }
        if let indicatorsForm {
            h += """
                <h2 id="choose-indicators">Improvement plan indicators</h2>
                <p>Name the indicators this recommendation means to move: its page then shows their figures, with the days it was made and answered, and says whether each has moved in the good direction since the response.</p>

                """
            indicatorsForm.write(to: &h)
        }
        if hasHistory {
            h += """
                <h2>History</h2>
                <p class="hint">Shown to officers only.</p>
                <table>
                <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
                <tbody>

                """
            for line in history { h += "<tr><td>\(line.when)</td><td>\(line.who)</td><td>\(line.what)</td></tr>\n" }
            h += "</tbody>\n</table>\n"
        }
    }
}
