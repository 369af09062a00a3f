extension WorkProgrammeAppendix: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/committees">Committees</a></li><li><a href="\(committee.href)">\(committee.text)</a></li></ol></nav>
            <h1>\(title)</h1>

            """
        if let editHref { h += "<p><a href=\"\(editHref)\">Change the work programme</a></p>\n" }
        yearForm.write(to: &h)
        if !hasSessions { h += "<p>No sessions are planned for this municipal year.</p>\n" }
        for session in sessions {
            h += """
                <section class="wp-session">
                <h2>\(session.kind): \(session.date)</h2>
                <p>Report deadline: \(session.reportDeadline). Pre-meeting lines of enquiry planning: \(session.planning).</p>

                """
            if session.hasTopics {
                h += """
                    <table class="stacked">
                    <caption class="visually-hidden">Topics for the \(session.kind) on \(session.date)</caption>
                    <thead><tr><th scope="col">Topic and objectives</th><th scope="col">Evidence required</th><th scope="col">Attendees (report or presentation writer in bold)</th></tr></thead>
                    <tbody>

                    """
                for topic in session.topics {
                    h += "<tr>\n<td data-label=\"Topic and objectives\"><strong>\(topic.title)</strong>"
                    if let scrutinyType = topic.scrutinyType { h += "<br><span class=\"hint\">\(scrutinyType)</span>" }
                    h.paragraphs(topic.objectives)
                    if let forwardPlan = topic.forwardPlan { h += "<p>Forward plan: \(forwardPlan)</p>" }
                    h += "</td>\n<td data-label=\"Evidence required\">"
                    h.paragraphs(topic.evidence)
                    h += "</td>\n<td data-label=\"Attendees\"><ul class=\"plain\">"
                    for attendee in topic.attendees {
                        if attendee.isWriter {
                            h += "<li><strong>\(attendee.name)</strong></li>"
                        } else {
                            h += "<li>\(attendee.name)</li>"
                        }
                    }
                    h += "</ul></td>\n</tr>\n"
                }
                h += "</tbody>\n</table>\n"
            }
            if !session.hasTopics { h += "<p>No topics are scheduled.</p>\n" }
            h += "</section>\n"
        }
        if hasPotential {
            h += """
                <h2>Potential topics</h2>
                <p>To be scheduled and prioritised, or removed.</p>
                <ul>
                """
            for topic in potential { h += "<li>\(topic)</li>" }
            h += "</ul>\n"
        }
        h += "<p><a href=\"/work-programme.csv\">Every committee's work programme as CSV</a></p>\n"
    }
}
