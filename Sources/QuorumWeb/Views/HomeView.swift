extension HomePage: PageView {
    func write(to h: inout HTMLWriter) {
        h += "<h1>\(title)</h1>\n"
        if !hasCommittees {
            h += "<p>There are no committees yet. A clerk can add them, or import published agenda packs with <code>quorum import</code>.</p>\n"
        }
        if hasCommittees {
            h += """
                <p class="lead">Meetings, papers, minutes and recommendations of the council's committees. <a href="/committees">See all committees</a>.</p>
                <h2>Upcoming meetings</h2>

                """
            if !hasUpcoming { h += "<p>No meetings are scheduled.</p>\n" }
            if hasUpcoming {
                h += "<ul class=\"meetings\">\n"
                for meeting in upcoming {
                    h += "<li><a href=\"\(meeting.href)\">\(meeting.committee), <time datetime=\"\(meeting.isoDate)\">\(meeting.date)</time></a> <span class=\"status\">\(meeting.status)</span></li>\n"
                }
                h += "</ul>\n"
            }
            h += "<h2>Recently published papers</h2>\n"
            if !hasPapers { h += "<p>No papers have been published yet.</p>\n" }
            if hasPapers {
                h += "<ul>\n"
                for paper in papers { h += "<li><a href=\"\(paper.href)\">\(paper.title)</a> (\(paper.meeting))</li>\n" }
                h += "</ul>\n"
            }
            h += """
                <h2>Recommendations to the executive</h2>
                <p>\(overdueText) <a href="/recommendations?overdue=1">See overdue recommendations</a> or <a href="/recommendations">the whole tracker</a>.</p>

                """
        }
    }
}
