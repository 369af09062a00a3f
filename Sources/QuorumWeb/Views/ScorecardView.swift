/// A committee's compliance scorecard for a municipal year.
extension ScorecardPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/committees">Committees</a></li><li><a href="\(committee.href)">\(committee.text)</a></li></ol></nav>
            <h1>\(title)</h1>
            <p class="lead">\(period)</p>
            <p>Worked out from the record alone: what Quorum holds of each meeting's papers, questions, minutes and recommendations. What the record cannot tell is listed as not recorded, never counted as met.</p>

            """
        yearForm.write(to: &h)
        h += "\n"
        for measure in measures {
            h += """
                <section class="topic">
                <h2>\(measure.name): \(measure.summary)</h2>
                <p class="hint">\(measure.rule)</p>

                """
            if measure.hasMissed {
                h += "<h3>Missed</h3>\n<ul>"
                for link in measure.missed { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
                h += "</ul>\n"
            }
            if measure.hasNotRecorded {
                h += "<h3>Not recorded</h3>\n<ul>"
                for link in measure.notRecorded { h += "<li><a href=\"\(link.href)\">\(link.text)</a></li>" }
                h += "</ul>\n"
            }
            if let pending = measure.pending { h += "<p>\(pending)</p>\n" }
            h += "</section>\n"
        }
        h += "<p><a href=\"\(csv.href)\">\(csv.text)</a></p>\n"
    }
}
