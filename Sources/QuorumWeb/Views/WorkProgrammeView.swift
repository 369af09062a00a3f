extension WorkProgrammeView: HTMLComponent {
    func write(to h: inout HTMLWriter) {
        if !hasSessions && !hasPotential { h += "<p>No work programme is recorded.</p>\n" }
        for session in sessions {
            h += "<h3>\(session.heading)</h3>\n"
            if let reportDeadline = session.reportDeadline {
                h += "<p>Reports due: \(reportDeadline)"
                if let planning = session.planning { h += ". Planning session: \(planning)" }
                h += "</p>\n"
            } else if let planning = session.planning {
                h += "<p>Planning session: \(planning)</p>\n"
            }
            if !session.hasTopics { h += "<p>No topics are scheduled.</p>\n" }
            for topic in session.topics {
                h += """
                    <div class="topic">
                    <h4>\(topic.title)</h4>

                    """
                if let scrutinyType = topic.scrutinyType { h += "<p>Type of scrutiny: \(scrutinyType)</p>\n" }
                if !topic.objectives.isEmpty { h += "<p class=\"label\">Objectives</p>\n" }
                h.paragraphs(topic.objectives)
                h += "\n"
                if !topic.evidence.isEmpty { h += "<p class=\"label\">Evidence required</p>\n" }
                h.paragraphs(topic.evidence)
                h += "\n"
                if topic.hasAttendees {
                    h += "<p class=\"label\">Attendees</p><ul>"
                    for attendee in topic.attendees { h += "<li>\(attendee)</li>" }
                    h += "</ul>\n"
                }
                h += "</div>\n"
            }
        }
        if hasPotential {
            h += """
                <h3>Potential topics</h3>
                <p>To be scheduled and prioritised, or removed.</p>
                <ul>

                """
            for topic in potential {
                h += "<li>\(topic.title)"
                if let scrutinyType = topic.scrutinyType { h += " (\(scrutinyType))" }
                h += "</li>\n"
            }
            h += "</ul>\n"
        }
    }
}
