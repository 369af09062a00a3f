extension PersonPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees">Committees</a></li></ol></nav>
            <h1>\(title)</h1>

            """
        if let jobTitle { h += "<p>\(jobTitle)</p>\n" }
        h += "<h2>Committees</h2>\n"
        if !hasMemberships { h += "<p>Not a member of any committee in this record.</p>\n" }
        if hasMemberships { writeList(memberships, to: &h) }
        h += "<h2>Attendance</h2>\n"
        if !attendanceSummary.isEmpty { h += "<p>\(attendanceSummary)</p>\n" }
        if !hasAttendance { h += "<p>No attendance is recorded.</p>\n" }
        if hasAttendance { writeList(attendance, to: &h) }
        h += "<h2>Declarations of interest</h2>\n"
        if !hasDeclarations { h += "<p>No declarations are recorded.</p>\n" }
        if hasDeclarations { writeList(declarations, to: &h) }
    }

    private func writeList(_ rows: [Row], to h: inout HTMLWriter) {
        h += "<ul>"
        for row in rows { h += "<li><a href=\"\(row.href)\">\(row.text)</a>: \(row.detail)</li>" }
        h += "</ul>\n"
    }
}
