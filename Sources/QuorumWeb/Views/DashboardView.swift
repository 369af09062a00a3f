extension DashboardPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += "<h1>\(title)</h1>\n<p>\(name), \(role)"
        if let answersFor { h += ", answering for \(answersFor)" }
        h += ".</p>\n"
        if hasLinks {
            h += "<ul>"
            for link in links { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
            h += "</ul>\n"
        }
        for section in sections {
            h += "<h2>\(section.heading)</h2>\n"
            if !section.hasRows { h += "<p>\(section.empty)</p>\n" }
            if section.hasRows {
                h += """
                    <table class="stacked">
                    <thead><tr><th scope="col">Committee and meeting</th><th scope="col">Rec. No.</th><th scope="col">Recommendation</th><th scope="col">To</th><th scope="col">Date sent</th><th scope="col">Due date</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                    <tbody>

                    """
                for row in section.rows {
                    h += "<tr><td data-label=\"Meeting\">\(row.committee), \(row.meeting)</td><td data-label=\"Rec. No.\"><a href=\"\(row.href)\">\(row.number)</a></td><td data-label=\"Recommendation\">\(row.text)"
                    if let note = row.note { h += "<p class=\"check\">\(note)</p>" }
                    h += "</td><td data-label=\"To\">\(row.addressee)</td><td data-label=\"Date sent\">\(row.sent)</td><td data-label=\"Due date\">\(row.due)</td><td>"
                    if let respondHref = row.respondHref {
                        h += "<a href=\"\(respondHref)\">Record the response<span class=\"visually-hidden\"> to recommendation \(row.number)</span></a>"
                    }
                    h += "</td></tr>\n"
                }
                h += "</tbody>\n</table>\n"
                if let more = section.more { h += "<p>\(more)</p>\n" }
            }
        }
        h += "<h2>Coming meetings</h2>\n"
        if upcoming.isEmpty { h += "<p>No meetings are scheduled.</p>\n" }
        h += "<ul class=\"meetings\">\n"
        for meeting in upcoming {
            let link = meeting.link
            h += "<li><a href=\"\(link.href)\"><time datetime=\"\(link.isoDate)\">\(link.date)</time></a> \(link.committee): \(meeting.agenda); questions by \(meeting.questionsBy)"
            if let warnings = meeting.warnings { h += " <strong>\(warnings)</strong>" }
            h += "</li>\n"
        }
        h += "</ul>\n"
    }
}
