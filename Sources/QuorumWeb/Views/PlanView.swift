/// An improvement plan: its priorities, actions and indicators.
extension PlanPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/plans">Improvement plans</a></li></ol></nav>
            <h1>\(title)</h1>
            <p class="lead">\(version)</p>

            """
        if let owner { h += "<p>Owned by \(owner).</p>\n" }
        if let editHref { h += "<p><a href=\"\(editHref)\">Record figures and progress</a></p>\n" }
        if hasVersions {
            h += "<h2>Versions</h2>\n<ul>"
            for link in versions { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
            h += "</ul>\n"
        }
        if hasMeetings {
            h += "<h2>Scrutinised at</h2>\n<ul>"
            for link in meetings { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
            h += "</ul>\n"
        }
        h += "<h2 id=\"priorities\">Priorities</h2>\n<ol class=\"plain\">"
        for priority in priorities { h += "<li><p><strong>\(priority.heading)</strong>: \(priority.text)</p></li>" }
        h += """
            </ol>
            <h2 id="actions">Actions</h2>
            <p>Each action's status is worked out from its timescale and the progress recorded, as on \(asOf).</p>

            """
        for priority in priorities where priority.hasActions {
            h += """
                <h3>\(priority.heading)</h3>
                <table class="stacked">
                <thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Timescale</th><th scope="col">Status</th></tr></thead>
                <tbody>

                """
            for action in priority.actions {
                h += "<tr><td data-label=\"Action\">\(action.number) \(action.text)"
                for progress in action.progress { h += "<br><span class=\"hint\">\(progress)</span>" }
                h += #"</td><td data-label="Lead">\#(action.lead)</td><td data-label="Timescale">\#(action.timescale)</td><td data-label="Status"><span class="standing \#(action.statusClass)">\#(action.status)</span></td></tr>"#
                h += "\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += "<h2 id=\"measures\">Measures of success</h2>\n"
        for priority in priorities where priority.hasMeasures {
            h += "<h3>\(priority.heading)</h3>\n<ul>"
            for measure in priority.measures { h += "<li>\(measure)</li>" }
            h += "</ul>"
        }
        h += "\n"
        if hasIndicators {
            h += "<h2 id=\"indicators\">Indicators</h2>\n"
            for indicator in indicators { indicator.write(to: &h) }
            h += "\n"
        }
        if hasAudits {
            h += """
                <h2 id="audits">Case file audits by grade</h2>
                <figure class="chart-figure">\(auditChart)</figure>
                <table>
                <caption class="visually-hidden">Share of case file audits given each grade, by month</caption>
                <thead><tr><th scope="col">Month</th><th scope="col">Outstanding</th><th scope="col">Good</th><th scope="col">Requires improvement</th><th scope="col">Inadequate</th></tr></thead>
                <tbody>
                """
            for audit in audits {
                h += "<tr><th scope=\"row\">\(audit.month)</th><td>\(audit.outstanding)</td><td>\(audit.good)</td><td>\(audit.requiresImprovement)</td><td>\(audit.inadequate)</td></tr>"
            }
            h += "</tbody>\n</table>\n"
        }
        h += "<p><a href=\"\(csv.href)\">\(csv.text)</a></p>\n"
    }
}
