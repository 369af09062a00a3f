extension ReportPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="\(committee.href)">\(committee.text)</a></li><li><a href="\(meeting.href)">\(meeting.text)</a></li></ol></nav>
            <h1>\(title)</h1>
            <dl class="summary">
            <dt>Meeting</dt><dd><a href="\(meeting.href)">\(meeting.text)</a>, item \(itemNumber)
            """
        if let pages { h += " (pages \(pages))" }
        h += "</dd>\n<dt>Report by</dt><dd>\(reportBy)</dd>\n"
        if let cabinetPortfolio { h += "<dt>Cabinet portfolio</dt><dd>\(cabinetPortfolio)</dd>\n" }
        if let requestedAt { h += "<dt>Requested at</dt><dd>\(requestedAt)</dd>\n" }
        h += """
            <dt>Classification</dt><dd>\(classification)</dd>
            <dt>Decision type</dt><dd>\(decisionType)</dd>

            """
        if let wardsAffected { h += "<dt>Wards affected</dt><dd>\(wardsAffected)</dd>\n" }
        h += "</dl>\n"
        if let plan {
            h += #"<p class="notice-info">This report presented <a href="\#(plan.href)">\#(plan.text)</a>: its priorities, actions and figures.</p>"#
            h += "\n"
        }
        if hasPapers {
            h += "<h2>The papers</h2>\n<ul>"
            for paper in papers { h += "<li><a href=\"\(paper.href)\">\(paper.text)</a></li>" }
            h += "</ul>\n"
        }
        if !purpose.isEmpty { h += "<h2>Purpose</h2>\n" }
        h.paragraphs(purpose)
        h += "\n"
        if hasRecommendations {
            h += "<h2>Recommendations</h2>\n<p>That:</p>\n<ol class=\"lettered\">"
            for recommendation in recommendations {
                h += "<li>"
                if let label = recommendation.label { h += "<span class=\"letter\">\(label))</span> " }
                h += "\(recommendation.text)</li>"
            }
            h += "</ol>\n"
        }
        for section in sections {
            if section.isSubsection {
                h += "<h3>\(section.heading)</h3>\n"
            } else {
                h += "<h2>\(section.heading)</h2>\n"
            }
            h.paragraphs(section.paragraphs)
            h += "\n"
        }
        if hasAppendices {
            h += "<h2>Appendices</h2>\n<ul>"
            for appendix in appendices {
                h += "<li>"
                if let label = appendix.label { h += "\(label): " }
                h += "\(appendix.text)</li>"
            }
            h += "</ul>\n"
        }
        if let author { writeContact(author, heading: "Contact officer", to: &h) }
        if let democraticServices { writeContact(democraticServices, heading: "Democratic services", to: &h) }
    }

    /// The report's contact officer or democratic services: the name, then each way to reach them it has.
    private func writeContact(_ contact: ContactView, heading: String, to h: inout HTMLWriter) {
        h += "<h2>\(heading)</h2>\n<p>\(contact.name)"
        if let role = contact.role { h += ", \(role)" }
        if let phone = contact.phone { h += "<br>Telephone: \(phone)" }
        if let email = contact.email { h += "<br>Email: <a href=\"mailto:\(email)\">\(email)</a>" }
        h += "</p>\n"
    }
}
