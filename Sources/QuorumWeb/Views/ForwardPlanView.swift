extension ForwardPlanPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>The executive's coming decisions, as published in the forward plan. Key decisions are published at least 28 days before they are taken. The committees read the plan to choose what to scrutinise before a decision is made.</p>

            """
        if let editHref { h += "<p><a href=\"\(editHref)\">Change the forward plan</a></p>\n" }
        if !hasCouncils { h += "<p>No forward plan is recorded.</p>\n" }
        for council in councils {
            h += """
                <h2>\(council.name)</h2>
                <table class="stacked">
                <thead><tr><th scope="col">Report title and purpose</th><th scope="col">Decision maker and due date</th><th scope="col">Lead cabinet member and officer contacts</th><th scope="col">Directorate</th><th scope="col">Date uploaded onto plan</th><th scope="col">Decision type, exemptions and urgency</th><th scope="col">Scrutiny</th></tr></thead>
                <tbody>

                """
            for entry in council.entries {
                h += "<tr>\n<td data-label=\"Report title and purpose\"><strong>\(entry.title)</strong>"
                h.paragraphs(entry.purpose)
                h += """
                    </td>
                    <td data-label="Decision maker and due date">\(entry.decision)</td>
                    <td data-label="Lead cabinet member and officer contacts">\(entry.contacts)</td>
                    <td data-label="Directorate">\(entry.directorate)</td>
                    <td data-label="Date uploaded onto plan">\(entry.uploaded)</td>
                    <td data-label="Decision type, exemptions and urgency">\(entry.type)</td>
                    <td data-label="Scrutiny">
                    """
                if entry.hasTopics {
                    h += "<ul class=\"plain\">"
                    for topic in entry.topics { h += "<li><a href=\"\(topic.href)\">\(topic.text)</a></li>" }
                    h += "</ul>"
                }
                if !entry.hasTopics { h += "Not on a work programme" }
                h += "</td>\n</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
    }
}
