extension CommitteePage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees">Committees</a></li></ol></nav>
            <h1>\(title)</h1>

            """
        if !remit.isEmpty { h += "<h2>Remit</h2>\n" }
        h.paragraphs(remit)
        h += "\n"
        if let clerk {
            h += "<h2>Clerk</h2>\n<p>\(clerk.name)"
            if let role = clerk.role { h += ", \(role)" }
            if let phone = clerk.phone { h += "<br>Telephone: \(phone)" }
            if let email = clerk.email { h += "<br>Email: <a href=\"\(clerk.mailto)\">\(email)</a>" }
            h += "</p>\n"
        }
        h += "<h2>Members</h2>\n"
        if !hasMembers { h += "<p>No members are recorded.</p>\n" }
        if hasMembers {
            h += """
                <table>
                <caption class="visually-hidden">Members of the committee and their roles</caption>
                <thead><tr><th scope="col">Member</th><th scope="col">Role</th></tr></thead>
                <tbody>

                """
            for member in members { h += "<tr><td><a href=\"\(member.href)\">\(member.name)</a></td><td>\(member.role)</td></tr>\n" }
            h += "</tbody>\n</table>\n"
        }
        h += """
            <h2>Meetings</h2>
            <p><a href="\(calendarHref)">Add these meetings to your calendar</a> (iCalendar file)</p>
            <p><a href="\(scorecardHref)">How the committee kept to its deadlines: the scorecard</a></p>
            <p><a href="\(appendixHref)">The work programme as the council publishes it</a></p>

            """
        if !hasMeetings { h += "<p>No meetings are recorded.</p>\n" }
        for year in years {
            h += "<h3>\(year.label)</h3>\n<ul class=\"meetings\">\n"
            for meeting in year.meetings {
                h += "<li><a href=\"\(meeting.href)\"><time datetime=\"\(meeting.isoDate)\">\(meeting.date)</time></a> <span class=\"status\">\(meeting.status)</span></li>\n"
            }
            h += "</ul>\n"
        }
        h += """
            <h2>Work programme</h2>
            <p>The topics planned from the \(workProgrammeFrom) municipal year on, and those not yet scheduled. Earlier years are in <a href="\(allWorkProgrammesHref)">the work programme of every committee</a>.</p>

            """
        workProgramme.write(to: &h)
    }
}
