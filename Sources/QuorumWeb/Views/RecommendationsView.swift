/// The recommendations tracker.
extension TrackerPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>What each committee has asked of the executive and its partners, and the answers. The executive must respond within two months, or 28 days for health and crime and disorder scrutiny.</p>
            <form class="filters" method="get" action="/recommendations">
            <div><label for="committee">Committee</label>
            <select id="committee" name="committee"><option value="">All committees</option>
            """
        writeOptions(committees, to: &h)
        h += """
            </select></div>
            <div><label for="outcome">Outcome</label>
            <select id="outcome" name="outcome"><option value="">Any outcome</option>
            """
        writeOptions(outcomes, to: &h)
        h += """
            </select></div>
            <div><label for="from">Meetings from</label> <input type="text" id="from" name="from" value="\(from)" size="10" inputmode="numeric" aria-describedby="period-hint"></div>
            <div><label for="to">to</label> <input type="text" id="to" name="to" value="\(to)" size="10" inputmode="numeric" aria-describedby="period-hint"></div>
            <p class="hint" id="period-hint">Dates as 2025-05-01; a municipal year runs from May to April.</p>
            <div><input type="checkbox" id="overdue" name="overdue" value="1"
            """
        if overdueOnly { h += " checked" }
        h += """
            > <label for="overdue" class="inline">Overdue only</label></div>
            <div><button type="submit">Filter</button></div>
            </form>
            <h2>Summary</h2>
            <dl class="summary figures">

            """
        for figure in figures { h += "<dt>\(figure.label)</dt><dd>\(figure.value)</dd>\n" }
        h += """
            </dl>
            <p><a href="\(summaryCSVHref)">Download the summary as CSV</a></p>
            <div class="key">
            <h3>Status key</h3>
            <p>The status is worked out from the dates, never typed:</p>
            <ul>
            <li><span class="standing red">Overdue</span> sent, unanswered, and past its due date</li>
            <li><span class="standing amber">Due soon</span> sent, unanswered, and due within 14 days</li>
            <li><span class="standing green">Answered on time</span> answered by its due date</li>
            <li><span class="standing grey">Answered late</span> answered after its due date</li>
            </ul>
            <p>The due date is the one in force: an agreed extension's, else the one recorded, else two months (28 days for statutory health and crime and disorder scrutiny) from the date sent, by the council's calendar.</p>
            </div>
            <p>\(summary) <a href="\(csvHref)">Download as CSV</a></p>

            """
        for group in groups {
            h += "<h2>\(group.heading)</h2>\n"
            for topic in group.topics {
                h += """
                    <table class="stacked">
                    <caption>\(topic.topic)</caption>
                    <thead><tr><th scope="col">Rec. No.</th><th scope="col">Recommendation</th><th scope="col">Date Sent</th><th scope="col">Due Date</th><th scope="col">Recd Date</th><th scope="col">Response</th><th scope="col">Status</th></tr></thead>
                    <tbody>

                    """
                for row in topic.rows {
                    h += #"<tr><td data-label="Rec. No.">\#(row.number)</td><td data-label="Recommendation"><a href="\#(row.href)">\#(row.text)</a></td><td data-label="Date Sent">\#(row.sent)</td><td data-label="Due Date">\#(row.due)</td><td data-label="Recd Date">\#(row.received)</td><td data-label="Response">\#(row.outcome)</td><td data-label="Status">"#
                    if let standing = row.standing { h += "<span class=\"standing \(row.standingClass)\">\(standing)</span>" }
                    if row.hasChecks {
                        h += "<p class=\"check\">To check:</p><ul class=\"check\">"
                        for check in row.checks { h += "<li>\(check)</li>" }
                        h += "</ul>"
                    }
                    h += "</td></tr>\n"
                }
                h += "</tbody>\n</table>\n"
            }
        }
        h += "<nav class=\"pager\" aria-label=\"Pages of recommendations\">\n"
        if let previousPage { h += "<a href=\"\(previousPage)\" rel=\"prev\">Previous page</a>\n" }
        if let nextPage { h += "<a href=\"\(nextPage)\" rel=\"next\">Next page</a>\n" }
        h += "</nav>\n"
    }

    /// A filter's choices, the one asked for selected.
    private func writeOptions(_ options: [Option], to h: inout HTMLWriter) {
        for option in options {
            h += "<option value=\"\(option.value)\""
            if option.isSelected { h += " selected" }
            h += ">\(option.label)</option>"
        }
    }
}
