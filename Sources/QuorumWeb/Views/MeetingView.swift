extension MeetingPage: PageView {
    func write(to h: inout HTMLWriter) {
        h += """
            <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees">Committees</a></li><li><a href="\(committee.href)">\(committee.text)</a></li></ol></nav>
            <h1>\(title)</h1>

            """
        if let cancellation { h += "<p class=\"notice\">\(cancellation)</p>\n" }
        if let movedFrom { h += "<p class=\"notice\">\(movedFrom)</p>\n" }
        if hasWarnings {
            h += #"<div class="notice-info" role="region" aria-labelledby="schedule-warnings"><h2 id="schedule-warnings">To check</h2><ul>"#
            for warning in warnings { h += "<li>\(warning)</li>" }
            h += "</ul></div>\n"
        }
        if let scheduleHref { h += "<p><a href=\"\(scheduleHref)\">Move or cancel this meeting</a></p>\n" }
        if let agendaHref { h += "<p><a href=\"\(agendaHref)\">Build and publish the agenda</a></p>\n" }
        if let minutesHref { h += "<p><a href=\"\(minutesHref)\">Write and publish the minutes</a></p>\n" }
        if let knownFrom { h += "<p class=\"notice\">\(knownFrom)</p>\n" }
        h += """
            <dl class="summary">
            <dt>Date and time</dt><dd><time datetime="\(isoDate)">\(date)</time></dd>
            <dt>Place</dt><dd>\(venue)</dd>
            <dt>Status</dt><dd>\(status)</dd>

            """
        if let endedAt { h += "<dt>Ended</dt><dd>\(endedAt)</dd>\n" }
        if let reportDeadline { h += "<dt>Reports due by</dt><dd>\(reportDeadline)</dd>\n" }
        h += "<dt>Agenda published by</dt><dd>\(publicationDeadline)</dd>\n"
        if hasPublications {
            h += "<dt>Published</dt>"
            for publication in publications { h += "<dd>\(publication)</dd>" }
            if let questionsHref { h += "<dd><a href=\"\(questionsHref)\">The questions and their answers</a></dd>" }
            h += "\n"
        }
        h += "<dt>Written questions due by</dt><dd>\(questionDeadline)"
        if let askHref { h += " (<a href=\"\(askHref)\">ask a question</a>)" }
        h += "</dd>\n"
        if let clerk {
            h += "<dt>Contact</dt><dd>\(clerk.name)"
            if let role = clerk.role { h += ", \(role)" }
            if let phone = clerk.phone { h += ", \(phone)" }
            if let email = clerk.email { h += ", <a href=\"\(clerk.mailto)\">\(email)</a>" }
            h += "</dd>\n"
        }
        h += """
            </dl>
            <nav class="pager" aria-label="Other meetings of this committee">

            """
        if let previous { h += "<a href=\"\(previous.href)\" rel=\"prev\">Previous meeting: \(previous.text)</a>\n" }
        if let next { h += "<a href=\"\(next.href)\" rel=\"next\">Next meeting: \(next.text)</a>\n" }
        h += """
            </nav>
            <h2>Agenda</h2>

            """
        if let frontSheetHref { h += "<p><a href=\"\(frontSheetHref)\">The agenda front sheet, to print</a></p>\n" }
        if !hasAgenda { h += "<p>\(noAgenda)</p>\n" }
        if hasAgenda {
            h += "<ol class=\"agenda\">\n"
            for item in agenda {
                h += "<li><span class=\"number\">\(item.number).</span> "
                if let href = item.href {
                    h += "<a href=\"\(href)\">\(item.title)</a>"
                } else {
                    h += "<strong>\(item.title)</strong>"
                }
                if let pages = item.pages { h += " <span class=\"pages\">(pages \(pages))</span>" }
                h += "\n"
                h.paragraphs(item.description)
                h += "\n</li>\n"
            }
            h += "</ol>\n"
        }
        if hasQuestions {
            h += "<h2 id=\"questions\">Questions</h2>\n"
            for question in questions {
                h += """
                    <div class="question">
                    <h3>\(question.number): from \(question.asker) to \(question.addressee)</h3>

                    """
                h.paragraphs(question.text)
                h += "\n<p class=\"label\">\(question.status)</p>\n"
                h.paragraphs(question.response)
                h += "\n"
                if let supplementary = question.supplementary {
                    h += "<h4>\(supplementary.number)</h4>\n"
                    h.paragraphs(supplementary.text)
                    h += "\n"
                    if !supplementary.response.isEmpty { h += "<p class=\"label\">Response</p>" }
                    h += "\n"
                    h.paragraphs(supplementary.response)
                    h += "\n"
                }
                h += "</div>\n"
            }
        }
        if hasAttendance {
            h += "<h2>Attendance</h2>\n"
            for group in attendance {
                h += "<h3>\(group.heading)</h3>\n<ul>"
                for person in group.people {
                    h += "<li><a href=\"\(person.href)\">\(person.name)</a>"
                    if let note = person.note { h += " (\(note))" }
                    h += "</li>"
                }
                h += "</ul>\n"
            }
        }
        if hasDeclarations {
            h += "<h2>Declarations of interest</h2>\n<ul>"
            for declaration in declarations {
                h += "<li><a href=\"\(declaration.person.href)\">\(declaration.person.name)</a>"
                if let item = declaration.item { h += ", item \(item)" }
                h += ": \(declaration.kind). \(declaration.reason)</li>"
            }
            h += "</ul>\n"
        }
        if hasRecommendations {
            h += "<h2 id=\"recommendations\">Recommendations made at this meeting</h2>\n<ul>"
            for recommendation in recommendations { h += "<li><a href=\"\(recommendation.href)\">\(recommendation.text)</a></li>" }
            h += "</ul>\n"
        }
        h += "<h2 id=\"minutes\">Minutes</h2>\n"
        if !hasMinutes { h += "<p>The minutes of this meeting have not been published.</p>\n" }
        if hasMinutes, let minutesStanding { h += "<p class=\"label\">\(minutesStanding)</p>\n" }
        for minute in minutes {
            h += """
                <div class="minute" id="minute-\(minute.number)">
                <h3>\(minute.printed) \(minute.title)</h3>

                """
            h.paragraphs(minute.text)
            h += "\n"
            if minute.hasResolutions {
                h += "<p class=\"label\">Resolved:</p>\n"
                if let leadIn = minute.leadIn { h += "<p>\(leadIn)</p>\n" }
                h += "<ol class=\"resolutions\">"
                for resolution in minute.resolutions {
                    h += "<li>\(resolution.text)"
                    if let recommendHref = resolution.recommendHref { h += " <a href=\"\(recommendHref)\">Make this a recommendation</a>" }
                    h += "</li>"
                }
                h += "</ol>\n"
            }
            h += "</div>\n"
        }
    }
}
