extension CommitteesPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += "<h1>\(title)</h1>\n"
        if !hasCommittees { h += "<p>There are no committees yet.</p>\n" }
        if hasCommittees {
            h += """
                <table>
                <caption class="visually-hidden">Committees and their next meetings</caption>
                <thead><tr><th scope="col">Committee</th><th scope="col">Next meeting</th></tr></thead>
                <tbody>

                """
            for committee in committees { h += "<tr><td><a href=\"\(committee.href)\">\(committee.name)</a></td><td>\(committee.nextMeeting)</td></tr>\n" }
            h += "</tbody>\n</table>\n"
        }
    }
}
