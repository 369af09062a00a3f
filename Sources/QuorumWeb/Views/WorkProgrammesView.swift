extension WorkProgrammePage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <h1>\(title)</h1>
            <p>What each committee plans to scrutinise, when, and with whom. <a href="/work-programme.csv">Download as CSV</a></p>

            """
        if !hasCommittees { h += "<p>There are no committees yet.</p>\n" }
        for committee in committees {
            h += """
                <section aria-labelledby="\(committee.anchor)">
                <h2 id="\(committee.anchor)"><a href="\(committee.href)">\(committee.name)</a></h2>

                """
            committee.workProgramme.write(to: &h)
            h += "</section>\n"
        }
    }
}
