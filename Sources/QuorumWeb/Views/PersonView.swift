extension PersonPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees">Committees</a></li></ol></nav>
            <h1>\(title)</h1>

            """
        if let jobTitle { h += "<p>\(jobTitle)</p>\n" }
        h += "<h2>Committees</h2>\n"
        if memberships.isEmpty { h += "<p>Not a member of any committee in this record.</p>\n" } else { writeList(memberships, to: &h) }
        h += "<h2>Attendance</h2>\n"
        if !attendanceSummary.isEmpty { h += "<p>\(attendanceSummary)</p>\n" }
        if years.isEmpty {
            h += "<p>No attendance is recorded.</p>\n"
        } else {
            h += """
                <table>
                <caption>Attendance in each municipal year</caption>
                <thead><tr><th scope="col">Municipal year</th><th scope="col">Attended</th><th scope="col">Expected</th><th scope="col">Meetings in the minutes</th></tr></thead>
                <tbody>

                """
            for year in years {
                h += "<tr><th scope=\"row\">"
                if let href = year.href { h += "<a href=\"\(href)\">\(year.name)</a>" } else { h += "\(year.name) <span class=\"status\">(listed below)</span>" }
                h += "</th><td>\(year.attended)</td><td>\(year.expected)</td><td>\(year.recorded)</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if let shownYear {
            h += "<h3 id=\"meetings\">Meetings in \(shownYear)</h3>\n"
            if attendance.isEmpty { h += "<p>No attendance is recorded in \(shownYear).</p>\n" } else { writeList(attendance, to: &h) }
        }
        h += "<h2>Declarations of interest</h2>\n"
        if declarations.isEmpty { h += "<p>No declarations are recorded.</p>\n" } else { writeList(declarations, to: &h) }
    }

    private func writeList(_ rows: [Row], to h: inout HTMLWriter) {
        h += "<ul>"
        for row in rows { h += "<li><a href=\"\(row.href)\">\(row.text)</a>: \(row.detail)</li>" }
        h += "</ul>\n"
    }
}
